// Types of `als-wasm/global`: globalThis.AsyncLocalStorage, installed where
// the host has none.
import type { AsyncLocalStorage as Storage } from './index.js';

declare global {
  var AsyncLocalStorage: typeof Storage;
}

export {};
