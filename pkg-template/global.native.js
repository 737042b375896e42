// `als-wasm/global` on Bun (see global.js).
import './native.js';
import { installGlobal } from './carrier/global.js';

installGlobal();
