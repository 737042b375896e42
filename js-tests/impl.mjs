// The implementation under test: real Node (ALS_IMPL=node), als-wasm with the
// patch carrier forced (ALS_ENTRY=browser, i.e. 'als-wasm/browser'), or the
// package's default entry.
const env = globalThis.process?.env ?? {};
export const isNode = env.ALS_IMPL === 'node';

const mod = isNode
  ? await import('node:async_hooks')
  : env.ALS_ENTRY === 'browser'
    ? await import('als-wasm/browser')
    : await import('als-wasm');

export const { AsyncLocalStorage, AsyncResource } = mod;
