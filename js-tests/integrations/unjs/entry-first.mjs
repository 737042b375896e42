// The right order: als-wasm/global first, so unenv's module finds
// globalThis.AsyncLocalStorage when it is evaluated.
import './capture-warnings.mjs';
import 'als-wasm/global';
import { AsyncLocalStorage } from 'als-wasm';
import { main } from './unjs-app.mjs';

main({ ours: AsyncLocalStorage });
