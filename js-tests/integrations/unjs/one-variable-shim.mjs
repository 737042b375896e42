// The control's node:async_hooks: the stand-in users paste as a "shim for
// node:async_hooks" where the host has none. run() sets one variable per
// storage and never puts it back, so after an await every request reads
// whichever request ran last.
export class AsyncLocalStorage {
  #store;

  getStore() {
    return this.#store;
  }

  run(store, callback, ...args) {
    this.#store = store;
    return callback(...args);
  }

  enterWith(store) {
    this.#store = store;
  }
}
