// `als-wasm/async_hooks` imported in Node and Deno: the same instance as require().
import asyncHooks from './async_hooks.cjs';

export const { AsyncLocalStorage, AsyncResource } = asyncHooks;
export default asyncHooks;
