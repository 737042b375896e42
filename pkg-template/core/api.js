// The public classes: the Rust classes (src/exports/) plus what only JS can
// do — rest parameters, returning `this` or a bound function, Symbol.dispose —
// and what is only frame work, with no rule of Rust's in it: the hot paths,
// withScope and disable, as in Node. Also the one thing that must not be held
// from Rust: a resource's captured frame (a GC root there would keep a store
// alive that references its own resource).
// Nothing here calls into the engine while loading: each entry starts it first
// (init.js, init-js.js, init-workerd.js). als_wasm.js is wasm-bindgen's glue,
// which the build writes beside the package's root.
import { AsyncLocalStorage as StorageCore, AsyncResource as ResourceCore } from '../als_wasm.js';
import { invalidArgType, noScopeOutsideRun } from './errors.js';
import {
  currentFrame, derive, enterRun, enterWith, exitRun, lookup, outsideEveryScope, ranAsync, remove, runInFrame,
  scopedOnly, storeIn,
} from './context.js';

const dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

// withScope()'s scope, as Node's RunScope: dispose() (or `using`) puts back
// the store that was current before, once.
class RunScope {
  #key;
  #previous;
  #open = true;

  constructor(key, previous) {
    this.#key = key;
    this.#previous = previous;
  }

  dispose() {
    if (!this.#open) return;
    this.#open = false;
    enterWith(this.#key, this.#previous);
  }

  [dispose]() {
    this.dispose();
  }
}

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
    if (outsideEveryScope()) throw noScopeOutsideRun('enterWith');
    enterWith(this.#key, store);
  }

  withScope(store) {
    if (outsideEveryScope()) throw noScopeOutsideRun('withScope');
    const previous = this.getStore();
    enterWith(this.#key, store);
    return new RunScope(this.#key, previous);
  }

  // Node 24: removes this storage's store from the current context.
  disable() {
    remove(this.#key);
  }

  // Node 24's run: only this storage's store changes, and it is put back
  // with enterWith, so other storages' enterWith inside survives; running
  // with the store already current opens no scope.
  run(store, callback, ...args) {
    if (typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    const key = this.#key;
    const before = currentFrame();
    const prior = storeIn(before, key, this.#fallback);
    if (Object.is(prior, store)) return Reflect.apply(callback, null, args);
    const entered = derive(before, key, store);
    if (scopedOnly()) return runInFrame(entered, callback, null, args);
    const mark = enterRun(entered);
    try {
      const result = Reflect.apply(callback, null, args);
      if (typeof result === 'object' && result !== null) ranAsync(callback, result, entered);
      return result;
    } finally {
      exitRun(before, entered, key, prior, mark);
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
    return boundInScope(newScope('runInSnapshot'), runInSnapshot, undefined);
  }
}

function runInSnapshot(fn, ...args) {
  if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
  return Reflect.apply(fn, this, args);
}

// Async ids: 0 is "no resource" (Node's top level of an ES module), 1 is
// Node's root.
let nextAsyncId = 2;

// What a bound function needs of its resource: the captured frame, the async
// ids, and the resource itself, made only when someone reads
// `bound.asyncResource` (snapshot() and static bind() are hot in tracers,
// and a resource is a wasm object).
function newScope(type) {
  return { frame: currentFrame(), asyncId: nextAsyncId++, trigger: executionAsyncId, type, resource: null };
}

// The scope a resource's constructor takes instead of making its own.
let adopting = null;

function resourceOf(scope) {
  if (scope.resource === null) {
    adopting = scope;
    scope.resource = new AsyncResource(scope.type);
  }
  return scope.resource;
}

// runInAsyncScope of `scope`'s resource.
function runInScope(scope, fn, thisArg, args) {
  const outer = executionAsyncId;
  executionAsyncId = scope.asyncId;
  try {
    return runInFrame(scope.frame, fn, thisArg, args);
  } finally {
    executionAsyncId = outer;
  }
}

// Node's AsyncResource#bind: `this` is the call site's unless `thisArg` is
// given; `length` is fn's; `asyncResource` is an accessor, as in Node.
function boundInScope(scope, fn, thisArg) {
  const bound = thisArg === undefined
    ? function (...args) {
      return runInScope(scope, fn, this, args);
    }
    : function (...args) {
      return runInScope(scope, fn, thisArg, args);
    };
  Object.defineProperties(bound, {
    length: { configurable: true, value: fn.length },
    asyncResource: {
      configurable: true,
      enumerable: true,
      get: () => resourceOf(scope),
      set: (resource) => {
        scope.resource = resource;
      },
    },
  });
  return bound;
}

export class AsyncResource extends ResourceCore {
  #scope;

  constructor(type, options) {
    const scope = adopting;
    adopting = null;
    if (scope) {
      super(type, undefined, scope.trigger, scope.asyncId);
      scope.resource = this;
      this.#scope = scope;
    } else {
      super(type, options, executionAsyncId, nextAsyncId);
      this.#scope = { frame: currentFrame(), asyncId: nextAsyncId++, type, resource: this };
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    return runInScope(this.#scope, fn, thisArg, args);
  }

  emitDestroy() {
    return this;
  }

  bind(fn, thisArg) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    return boundInScope(this.#scope, fn, thisArg);
  }

  static bind(fn, type, thisArg) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    // A type given is checked now, as Node does; a default one is a string.
    if (type) return new AsyncResource(type).bind(fn, thisArg);
    return boundInScope(newScope(fn.name || 'bound-anonymous-fn'), fn, thisArg);
  }
}
