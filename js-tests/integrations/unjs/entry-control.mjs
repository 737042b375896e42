// The control: no als-wasm at all, as unenv and unctx run in a browser today.
import './capture-warnings.mjs';
import { main } from './unjs-app.mjs';

main({});
