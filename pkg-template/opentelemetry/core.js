// An OpenTelemetry ContextManager on one als-wasm AsyncLocalStorage.
// It does what @opentelemetry/context-async-hooks'
// AsyncLocalStorageContextManager does over Node's storage, so OTel code sees
// the same contexts in browsers (patch carrier) as on servers (native
// carrier); bind() also takes EventTargets, as ZoneContextManager does.
// @opentelemetry/api is a peer dependency, handed in by each entry: it is a
// dual package whose CommonJS and ES builds each have their own ROOT_CONTEXT,
// so an entry that import()s gives the ES build and one that require()s the
// CommonJS build, the copy its app holds. This file imports nothing, so the
// CommonJS entries take it too (bundled into them for Node and Deno,
// required as it is on Bun).

const EMITTER_ADDS = ['addListener', 'on', 'once', 'prependListener', 'prependOnceListener'];
const EMITTER_REMOVES = ['removeListener', 'off'];

const isFunction = (x) => typeof x === 'function';
const isObject = (x) => x !== null && (typeof x === 'object' || typeof x === 'function');
// Node's EventEmitter and look-alikes (npm `events`, readable streams):
// OTel's manager checks `instanceof EventEmitter`, which a browser lacks.
const isEmitter = (x) => isObject(x) && isFunction(x.on) && isFunction(x.removeListener) && isFunction(x.emit);
// DOM nodes, XMLHttpRequest, Node's EventTarget (ZoneContextManager's test).
const isEventTarget = (x) => isObject(x) && isFunction(x.addEventListener) && isFunction(x.removeEventListener);

const NOOP_TOKEN = Object.freeze({ dispose() {} });
let warnedOutsideWith = false;

/**
 * The manager class over the AsyncLocalStorage of the host's entry and the
 * `diag` and `ROOT_CONTEXT` of the app's copy of @opentelemetry/api.
 */
export function contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT }) {
  return class AsyncLocalStorageContextManager {
    // One storage per manager: two managers never see each other's contexts.
    #storage = new AsyncLocalStorage();
    // Per manager, so two managers can bind the same emitter or target; one
    // mark per kind of method, as an object can be both (Node's MessagePort).
    #emitterMark = Symbol('OtListeners');
    #targetMark = Symbol('OtEventTargetListeners');
    // Set while a patched add-listener method calls the original: an
    // emitter's once() calls on() with its own wrapper, which must stay
    // unwrapped so removeListener(original) still finds it.
    #adding = false;

    active() {
      return this.#storage.getStore() ?? ROOT_CONTEXT;
    }

    with(context, fn, thisArg, ...args) {
      const callback = thisArg == null ? fn : fn.bind(thisArg);
      return this.#storage.run(context, callback, ...args);
    }

    bind(context, target) {
      if (isFunction(target)) return this.#bindFunction(context, target);
      if (isEmitter(target)) this.#bindListeners(target, context, this.#emitterMark, EMITTER_ADDS, EMITTER_REMOVES, 'removeAllListeners');
      if (isEventTarget(target)) this.#bindListeners(target, context, this.#targetMark, ['addEventListener'], ['removeEventListener'], undefined, true);
      return target;
    }

    enable() {
      return this;
    }

    // As OTel's manager: the storage is disabled (active() answers ROOT until
    // the next with()); bound functions and listeners still enter theirs.
    disable() {
      this.#storage.disable();
      return this;
    }

    // OTel API 1.10's attach(): the context stays active for the rest of the
    // current synchronous run and what it schedules, until dispose(). Where
    // the host can only scope a context to a callback (workerd), attach()
    // outside every with() cannot be honoured without reaching other
    // requests: as the API does for a manager without attach(), it warns
    // once and answers a token that does nothing.
    attach(context) {
      try {
        return this.#storage.withScope(context);
      } catch (error) {
        if (error?.code !== 'ERR_METHOD_NOT_IMPLEMENTED') throw error;
        if (!warnedOutsideWith) diag.warn(`als-wasm/opentelemetry: attach() outside with() is not possible on this host; ${error.message}`);
        warnedOutsideWith = true;
        return NOOP_TOKEN;
      }
    }

    #bindFunction(context, target) {
      const manager = this;
      const bound = function (...args) {
        return manager.with(context, () => target.apply(this, args));
      };
      Object.defineProperty(bound, 'length', { configurable: true, value: target.length });
      return bound;
    }

    // One bound function per listener and event, made on first add: adding
    // the same listener twice stays the no-op an EventTarget makes of it. An
    // EventTarget's listener object has its handleEvent looked up per event,
    // as the DOM does; anything else is passed on for the host to reject.
    #boundListener(byEvent, event, listener, context, handlesEvents) {
      const handler = isFunction(listener)
        ? listener
        : handlesEvents && isObject(listener)
          ? function (...args) { return listener.handleEvent.apply(listener, args); }
          : undefined;
      if (handler === undefined) return undefined;
      const listeners = (byEvent[event] ??= new WeakMap());
      if (!listeners.has(listener)) listeners.set(listener, this.#bindFunction(context, handler));
      return listeners.get(listener);
    }

    // Patches the instance's methods (once per manager) so each listener added
    // through them runs in `context`, and removing the user's listener removes
    // the bound one. The maps: event name -> WeakMap(listener -> bound).
    #bindListeners(target, context, mark, adds, removes, removeAll, handlesEvents = false) {
      if (Object.hasOwn(target, mark)) return;
      const manager = this;
      let byEvent = Object.create(null);
      Object.defineProperty(target, mark, { configurable: true, value: true });
      for (const name of adds) {
        const original = target[name];
        if (!isFunction(original)) continue;
        target[name] = function (event, listener, ...rest) {
          const bound = manager.#adding ? undefined : manager.#boundListener(byEvent, event, listener, context, handlesEvents);
          if (bound === undefined) return original.call(this, event, listener, ...rest);
          manager.#adding = true;
          try {
            return original.call(this, event, bound, ...rest);
          } finally {
            manager.#adding = false;
          }
        };
      }
      for (const name of removes) {
        const original = target[name];
        if (!isFunction(original)) continue;
        target[name] = function (event, listener, ...rest) {
          const bound = byEvent[event]?.get(listener);
          return original.call(this, event, bound ?? listener, ...rest);
        };
      }
      const original = removeAll && target[removeAll];
      if (isFunction(original)) {
        target[removeAll] = function (event) {
          if (arguments.length === 0) byEvent = Object.create(null);
          else delete byEvent[event];
          return original.apply(this, arguments);
        };
      }
    }
  };
}
