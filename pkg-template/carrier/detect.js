// Runtime detection, for entries reached without a matching export condition
// (a Deno local path, a browser, a custom resolver): the host's own
// AsyncLocalStorage when it has one, found without a static `node:` import so
// that the same file loads in a browser. Edge runtimes (Vercel) offer theirs
// as a global.
import { isOurs } from './global.js';

export function hostStorage(global = globalThis) {
  const candidates = [
    global.process?.getBuiltinModule?.('node:async_hooks')?.AsyncLocalStorage,
    global.AsyncLocalStorage,
  ];
  return candidates.find((c) => typeof c === 'function' && !isOurs(c)) ?? null;
}

// TC39's AsyncContext, where a host ships it.
export function hostAsyncContext(global = globalThis) {
  return typeof global.AsyncContext?.Variable === 'function' ? global.AsyncContext : null;
}
