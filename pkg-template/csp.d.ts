// Types of `als-wasm/csp`: everything 'als-wasm' exports, and the default
// export of `node:async_hooks` for aliases.
export * from './index.js';
export { default } from './async_hooks.js';
