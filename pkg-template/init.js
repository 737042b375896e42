// Instantiates the wasm synchronously from bytes shipped in the package, so
// that importing 'als-wasm' needs no `await init()`. Imported first by every
// entry but workerd.js (see init-workerd.js).
import { initSync } from './als_wasm.js';
import { wasmBytes } from './wasm-bytes.js';

initSync({ module: wasmBytes() });
