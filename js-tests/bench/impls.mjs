// The implementations the benchmark compares, each behind Node's surface:
// load(name) answers { Storage, snapshot, enterWith } where Storage is a class
// with run(store, fn) and getStore(), snapshot() captures the current context
// as a function that runs a callback in it, and enterWith says whether
// Storage has enterWith; als-wasm's two carriers add asyncContext(), which
// imports als-wasm/async-context over the same carrier. An implementation
// that does not exist on this host throws NotHere. als-wasm-plugin is for the plugin workloads alone
// (workloads.mjs), which measure no library, then als-wasm without and with
// the plugin in one realm: it answers no library, and install() for als-wasm.
export const IMPLS = ['none', 'floor', 'als-wasm', 'als-wasm-plugin', 'als-wasm-native', 'host', 'als-browser', 'zone.js'];

export class NotHere extends Error {}

export const host = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : globalThis.process?.versions?.node ? 'node' : 'browser';
const server = host !== 'browser';

export async function load(name) {
  switch (name) {
    case 'none':
      return plain();
    case 'floor':
      forceSlowAwait();
      return plain();
    case 'als-wasm': {
      const m = await import('als-wasm/browser');
      // Its AsyncContext with the patch carrier forced too: async-context's
      // own entry would start the host's Node layer on servers.
      const asyncContext = () => import('als-wasm/async-context/browser');
      return { ...node(m.AsyncLocalStorage, `carrier ${m.carrier}`, m.carrier === 'patch'), asyncContext };
    }
    case 'als-wasm-plugin': {
      // The plugin's runtime is the identity where a host carries awaits.
      if (server) throw new NotHere('the plugin is for browsers');
      const install = async () => {
        const m = await import('als-wasm/browser');
        return node(m.AsyncLocalStorage, `carrier ${m.carrier}`, m.carrier === 'patch');
      };
      return { ...plain(), install };
    }
    case 'als-wasm-native': {
      if (!server) throw new NotHere('no host AsyncLocalStorage to carry the context');
      const m = await import('als-wasm');
      const asyncContext = () => import('als-wasm/async-context');
      return { ...node(m.AsyncLocalStorage, `carrier ${m.carrier}`, m.carrier === 'native'), asyncContext };
    }
    case 'host': {
      if (!server) throw new NotHere('browsers have no AsyncLocalStorage');
      const m = await import('node:async_hooks');
      return node(m.AsyncLocalStorage, 'node:async_hooks', true);
    }
    case 'als-browser': {
      const m = await import('als-browser');
      return node(m.AsyncLocalStorage, 'als-browser', true);
    }
    case 'zone.js':
      await import(server ? 'zone.js/node' : 'zone.js');
      return zone();
    default:
      throw new Error(`unknown implementation ${name}`);
  }
}

function node(Storage, what, expected) {
  if (!expected) throw new Error(`${what}: not the implementation asked for`);
  return { Storage, snapshot: () => Storage.snapshot(), enterWith: true };
}

// No AsyncLocalStorage at all: a store is a field, set for the callback and
// put back after it. Nothing follows async work. The floor of the API's shape.
function plain() {
  class Storage {
    store = undefined;
    run(store, fn, ...args) {
      const prior = this.store;
      this.store = store;
      try {
        return fn(...args);
      } finally {
        this.store = prior;
      }
    }
    getStore() {
      return this.store;
    }
    enterWith(store) {
      this.store = store;
    }
  }
  return { Storage, snapshot: () => (fn, ...args) => fn(...args), enterWith: true };
}

// The engine's slow path for every `await` of a native promise, which any
// await hook of als-wasm's design pays: Promise.prototype.constructor
// answers something that is not %Promise%.
function forceSlowAwait() {
  const other = function Promise() {};
  Object.defineProperty(Promise.prototype, 'constructor', { configurable: true, get: () => other });
}

// zone.js behind run/getStore: a store is a property of a zone forked for
// the run (as Angular apps keep request state). No enterWith.
function zone() {
  const { Zone } = globalThis;
  let instances = 0;
  class Storage {
    #key = `bench-store-${++instances}`;
    run(store, fn, ...args) {
      return Zone.current.fork({ name: 'bench', properties: { [this.#key]: store } }).run(fn, undefined, args);
    }
    getStore() {
      return Zone.current.get(this.#key);
    }
  }
  const snapshot = () => {
    const zone = Zone.current;
    return (fn, ...args) => zone.run(fn, undefined, args);
  };
  return { Storage, snapshot, enterWith: false };
}
