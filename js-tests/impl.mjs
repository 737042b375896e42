// The implementation under test: real Node (ALS_IMPL=node) or als-wasm.
export const isNode = globalThis.process?.env?.ALS_IMPL === 'node';

const mod = isNode ? await import('node:async_hooks') : await import('als-wasm');

export const { AsyncLocalStorage, AsyncResource } = mod;
