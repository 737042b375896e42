// `als-wasm/async-context/global` (see global.js).
import { AsyncContext } from './workerd.js';
import { installGlobal } from './core.js';

installGlobal();
export { AsyncContext };
