// The public classes: the Rust classes (src/js) plus what only JS can do —
// rest parameters, returning `this` or a bound function, Symbol.dispose — and
// the one thing that must not be held from Rust: a resource's captured frame
// (a GC root there would keep a store alive that references its own resource).
// Nothing here calls into the wasm while loading: each entry instantiates it
// first (init.js from bytes; init-workerd.js from a wasm module import).
import {
  AsyncLocalStorage as StorageCore,
  AsyncResource as ResourceCore,
  RunScope,
  __invalidArgType as invalidArgType,
} from './als_wasm.js';
import {
  currentFrame, derive, enterFrame, enterWith, lookup, removals, runInFrame, scopedOnly, unchangedSince,
} from './context.js';

const dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
// wasm-bindgen makes every class disposable (freeing it); Node's are not,
// except the scope of withScope(), whose dispose restores the previous store.
delete StorageCore.prototype[dispose];
delete ResourceCore.prototype[dispose];
RunScope.prototype[dispose] = function () {
  this.dispose();
};

// Marks every copy of als-wasm's class (carrier/global.js, carrier/detect.js).
export const OURS = Symbol.for('als-wasm.AsyncLocalStorage');

// The asyncId of the resource whose runInAsyncScope is running (0: none).
let executionAsyncId = 0;

export class AsyncLocalStorage extends StorageCore {
  // The hot paths (getStore, enterWith, run) stay in JS: each crossing into
  // the wasm costs more than the lookup itself. The Rust constructor
  // validated the options; its key and defaultValue are read once here.
  #key;
  #fallback;

  constructor(options) {
    super(options);
    this.#key = this.__key;
    this.#fallback = this.__defaultValue;
  }

  getStore() {
    return lookup(this.#key, this.#fallback);
  }

  enterWith(store) {
    enterWith(this.#key, store);
  }

  // Node 24's run: only this storage's store changes, and it is put back
  // with enterWith, so other storages' enterWith inside survives; running
  // with the store already current opens no scope.
  run(store, callback, ...args) {
    if (typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    const key = this.#key;
    const prior = lookup(key, this.#fallback);
    if (Object.is(prior, store)) return Reflect.apply(callback, null, args);
    const before = currentFrame();
    if (scopedOnly()) return runInFrame(derive(before, key, store), callback, null, args);
    const removalsAtEntry = removals();
    const entered = derive(before, key, store);
    enterFrame(entered);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      if (unchangedSince(entered, removalsAtEntry)) enterFrame(before);
      else enterWith(key, prior);
    }
  }

  exit(callback, ...args) {
    return this.run(undefined, callback, ...args);
  }

  static [OURS] = true;

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    return AsyncResource.bind(function runInSnapshot(fn, ...args) {
      if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
      return Reflect.apply(fn, this, args);
    });
  }
}

export class AsyncResource extends ResourceCore {
  #frame = currentFrame();
  #asyncId;

  constructor(type, options) {
    super(type, options, executionAsyncId);
    this.#asyncId = this.asyncId();
  }

  runInAsyncScope(fn, thisArg, ...args) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    const outer = executionAsyncId;
    executionAsyncId = this.#asyncId;
    try {
      return runInFrame(this.#frame, fn, thisArg, args);
    } finally {
      executionAsyncId = outer;
    }
  }

  emitDestroy() {
    return this;
  }

  bind(fn, thisArg) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function (...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = function (...args) {
        return resource.runInAsyncScope(fn, thisArg, ...args);
      };
    }
    Object.defineProperties(bound, {
      length: { configurable: true, value: fn.length },
      asyncResource: { configurable: true, enumerable: true, writable: true, value: resource },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}
