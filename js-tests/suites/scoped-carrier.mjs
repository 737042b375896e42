// The suite on the scoped native carrier, the one for hosts whose carrier
// can only scope a value to a callback: workerd's AsyncLocalStorage (no
// enterWith) and TC39's AsyncContext.Variable. No host ships AsyncContext
// yet, so this stands one in over node:async_hooks, hides Node's own from
// detection and loads index.js by path: als-wasm must pick AsyncContext.
// An argument names the test file instead of all.mjs (run-fresh.mjs passes
// fresh-all.mjs, one case per process).
import { AsyncLocalStorage as HostStorage } from 'node:async_hooks';

globalThis.AsyncContext = {
  Variable: class Variable {
    #storage = new HostStorage();
    get() {
      return this.#storage.getStore();
    }
    run(value, fn, ...args) {
      return this.#storage.run(value, fn, ...args);
    }
  },
};
delete process.getBuiltinModule;
process.env.ALS_ENTRY = 'detect';
const { carrier } = await import('../support/subject.mjs');
if (carrier !== 'native') throw new Error(`expected the AsyncContext carrier, got ${carrier}`);
// The suite to run: all.mjs, or a program named from js-tests/ (run-fresh.mjs
// passes suites/fresh-all.mjs).
const { pathToFileURL } = await import('node:url');
await import(process.argv[2] ? pathToFileURL(process.argv[2]).href : './all.mjs');
