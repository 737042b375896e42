// A second control, to show that the counts see leaks: a storage that keeps
// the last store any run entered, as a global "current config" variable
// does. (A shim whose run() also takes LangChain's resets, run(undefined, …)
// of the callback queue, mostly answers nothing: it loses rather than
// leaks, so it would prove nothing here.)
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';

class LastStoreStorage {
  getStore() {
    return this.store;
  }

  run(store, callback, ...args) {
    if (store !== undefined) this.store = store;
    return callback(...args);
  }

  enterWith(store) {
    if (store !== undefined) this.store = store;
  }
}

AsyncLocalStorageProviderSingleton.initializeGlobalInstance(new LastStoreStorage());
