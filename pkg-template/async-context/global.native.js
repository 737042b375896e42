// `als-wasm/async-context/global` (see global.js).
import { AsyncContext } from './native.js';
import { installGlobal } from './core.js';

installGlobal();
export { AsyncContext };
