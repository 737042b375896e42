// The await loops of awaits.mjs in a bundle rewritten whole with
// `packages: true, awaitHook: false` (build-awaits.mjs): als-wasm is bundled
// with them, so that the plugin builds its carrier without the await hook,
// and the bench takes the storage class from here.
export * from './awaits.mjs';
export { AsyncLocalStorage } from 'als-wasm';
