// workerd (Cloudflare Workers) forbids compiling wasm from bytes at run time;
// it compiles `.wasm` modules at deploy time and imports them as a
// WebAssembly.Module (wrangler does this by default).
import { initSync } from './als_wasm.js';
import module from './als_wasm_bg.wasm';
import { start } from './engine.js';

start('wasm', () => initSync({ module }));
