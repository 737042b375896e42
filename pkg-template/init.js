// Instantiates the wasm synchronously from bytes shipped in the package, so
// that importing 'als-wasm' needs no `await init()`. Imported first by every
// entry but workerd.js (init-workerd.js) and csp.js (init-js.js).
import { initSync } from './als_wasm.js';
import { wasmBytes } from './wasm-bytes.js';
import { start } from './engine.js';

start('wasm', () => {
  // Chromium and Firefox refuse at compiling, WebKit at instantiating.
  try {
    initSync({ module: new WebAssembly.Module(wasmBytes()) });
  } catch (error) {
    throw wasmRefused(error);
  }
});

// What a page whose Content-Security-Policy forbids WebAssembly (or an engine
// without it, such as iOS in Lockdown Mode) gets instead of a bare
// CompileError: the policy, the one-line fix and the entry that needs none.
function wasmRefused(cause) {
  const message = 'als-wasm cannot compile or instantiate its WebAssembly in this realm ' +
    `(${cause?.message ?? cause}). A Content-Security-Policy needs 'wasm-unsafe-eval' in script-src for it; ` +
    "or import 'als-wasm/csp' before any other import: the same Rust compiled to JavaScript, " +
    'for Manifest V3 extensions and pages under script-src \'self\'.';
  const error = new Error(message, { cause });
  error.code = 'ERR_ALS_WASM_REFUSED';
  return error;
}
