// A drop-in for the AsyncLocalStorage part of `node:async_hooks`, for bundler
// aliases and import maps: `resolve.alias: { 'node:async_hooks': 'als-wasm/async_hooks' }`.
import { AsyncLocalStorage, AsyncResource } from './index.js';

export { AsyncLocalStorage, AsyncResource };
export default { AsyncLocalStorage, AsyncResource };
