// `als-wasm/async-context/global` (see global.js).
import { AsyncContext } from './node.mjs';
import { installGlobal } from './core.js';

installGlobal();
export { AsyncContext };
