// `als-wasm/async_hooks` on workerd (see async_hooks.js).
import { AsyncLocalStorage, AsyncResource } from './workerd.js';

export { AsyncLocalStorage, AsyncResource };
export default { AsyncLocalStorage, AsyncResource };
