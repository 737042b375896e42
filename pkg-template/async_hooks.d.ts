// Types of `als-wasm/async_hooks`: the AsyncLocalStorage part of `node:async_hooks`.
import { AsyncLocalStorage, AsyncResource } from './index.js';

export { AsyncLocalStorage, AsyncResource };
export type { AsyncLocalStorageOptions, AsyncResourceOptions, RunScope } from './index.js';
declare const asyncHooks: { AsyncLocalStorage: typeof AsyncLocalStorage; AsyncResource: typeof AsyncResource };
export default asyncHooks;
