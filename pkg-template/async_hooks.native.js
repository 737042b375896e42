// `als-wasm/async_hooks` on Bun (see async_hooks.js).
import { AsyncLocalStorage, AsyncResource } from './native.js';

export { AsyncLocalStorage, AsyncResource };
export default { AsyncLocalStorage, AsyncResource };
