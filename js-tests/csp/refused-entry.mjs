// The default entry, bundled alone (refused.js): where the policy forbids
// WebAssembly, importing it must throw ERR_ALS_WASM_REFUSED, never a bare
// CompileError. The control of every page here: it shows that the policy
// really refuses the wasm.
export { AsyncLocalStorage, engine } from 'als-wasm';
