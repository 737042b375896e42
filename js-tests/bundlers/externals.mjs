// What every bundle leaves as a run-time import instead of bundling:
// impl.mjs's imports for other hosts and runs (node:async_hooks, the second
// package copy), which a browser page never reaches. Bundling the copy would
// carry the wasm twice; node:* cannot be bundled for the web at all.
export const EXTERNAL = /^node:|(^|\/)als-wasm-copy(\/|$)/;
export const isExternal = (id) => EXTERNAL.test(id);
