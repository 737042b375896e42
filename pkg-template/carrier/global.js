// `als-wasm/global`: globalThis.AsyncLocalStorage for code that looks for it
// there (Next.js, unctx). A host's own (Vercel's edge runtime, or Node's that
// Next.js put there) is never replaced.
import { AsyncLocalStorage, OURS } from '../core/api.js';

export function installGlobal(global = globalThis) {
  if (global.AsyncLocalStorage === undefined) {
    Object.defineProperty(global, 'AsyncLocalStorage', {
      value: AsyncLocalStorage, writable: true, configurable: true, enumerable: false,
    });
  }
}

// Any copy of als-wasm's class, which must never serve as a host carrier.
export function isOurs(value) {
  return value[OURS] === true;
}
