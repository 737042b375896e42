// What `als-wasm` exports in any host the `browser` and `default` conditions
// reach, once an engine runs the Rust (index.js: the wasm; csp.js: the same
// Rust as JavaScript): the host's own AsyncLocalStorage or AsyncContext
// when it has one, else the patch carrier.
import { hostAsyncContext, hostStorage } from './carrier/detect.js';
import { carryInAsyncContext, carryNatively } from './carrier/native.js';
import { installPatchCarrier } from './carrier/install.js';

const host = hostStorage();
const asyncContext = hostAsyncContext();
/** Which carrier makes the context follow async work here: 'native' or 'patch'. */
export const carrier = host
  ? carryNatively(host)
  : asyncContext
    ? carryInAsyncContext(asyncContext)
    : installPatchCarrier();
export { AsyncLocalStorage, AsyncResource } from './core/api.js';
export { engine } from './engine.js';
