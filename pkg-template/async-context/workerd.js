// `als-wasm/async-context` on workerd (see index.js).
import '../workerd.js';

export { AsyncContext } from './core.js';
