// `als-wasm/async-context` on Bun (see index.js).
import '../native.js';

export { AsyncContext } from './core.js';
