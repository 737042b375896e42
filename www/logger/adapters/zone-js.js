// zone.js 0.16.3 from npm (its browser bundle: replaces Promise, wraps
// timers, fetch and events) behind the same run/getStore surface: a store is
// a property of a zone forked for the run.
import '/node_modules/zone.js/fesm2015/zone.js';

let instances = 0;

export class AsyncLocalStorage {
  // A key per instance, so two storages do not read each other's stores.
  #key = `als-demo-store-${++instances}`;

  run(store, fn, ...args) {
    const zone = Zone.current.fork({ name: `store ${String(store)}`, properties: { [this.#key]: store } });
    return zone.run(fn, undefined, args);
  }

  getStore() {
    return Zone.current.get(this.#key);
  }
}
