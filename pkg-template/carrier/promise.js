// Promises and native `await` (DESIGN.md, "Hooking native await").
//
// - then/finally callbacks run in the frame current at the call.
// - `await p` reads p.constructor, then p.then, synchronously in the awaiting
//   frame. The constructor getter answers the global `Promise`, which the
//   carrier makes a stand-in for %Promise% (same prototype, statics and
//   species; `p.constructor === Promise` holds), so the engine takes the slow
//   path and reads p.then. In a context the then getter answers a `then`
//   bound to that frame. The engine calls it in a later job with its own
//   resolving functions; when p settles, one job queues [enter frame], calls
//   the resolving function (which queues the continuation) and queues [back
//   to root]: the continuation runs exactly between the two, and nothing
//   else does. In the root frame the plain then does: every job starts there.
// - Answering %Promise% in the root frame would keep the engine's fast path
//   there, but then `p.constructor === Promise` could not hold both in and
//   out of contexts; identity wins (README, "Limits").
// - A `then` handed out to user code (which read p.constructor and then
//   p.then, or p is a subclass instance) behaves as then(): it knows because
//   user code calls it in the turn it was handed out, and the engine in a
//   later one (a marker job runs between any hand-out and the engine's call:
//   the pending [back to root] job when the hand-out happens inside a
//   bracket, as in every chain of awaits, else a marker of its own).
import { ROOT, currentFrame, swapFrame, runInFrame } from '../context.js';

export function installPromise(global) {
  // %Promise% itself, even where zone.js has replaced the global Promise.
  const NativePromise = (async () => {})().constructor;
  const proto = NativePromise.prototype;
  const nativeThen = original(proto, 'then');
  if (!nativeThen) return false;
  // then()/finally() go through whatever was there (zone.js's, if it came
  // first); the await hook's jobs use the engine's own.
  const priorThen = proto.then;
  const priorFinally = proto.finally;
  const nativeResolve = NativePromise.resolve;
  const getPrototypeOf = Object.getPrototypeOf;

  // The global Promise from now on, and what p.constructor answers: anything
  // but %Promise% makes `await` take the slow path. It constructs, inherits
  // the statics and species of Promise, and shares its prototype. (A Proxy
  // would do too, but costs V8 three times as much per await.)
  function Promise(executor) {
    return Reflect.construct(NativePromise, [executor], new.target === Promise ? NativePromise : new.target);
  }
  Promise.prototype = proto;
  Object.setPrototypeOf(Promise, NativePromise);
  const StandIn = Promise;

  // While our own code calls a native method, constructor reads (species
  // lookups) answer %Promise% and arm nothing.
  let internal = false;
  // The native promise whose constructor was just read in a context: the
  // engine's `await` reads its `then` next.
  let armed = null;
  // Advanced by a job that runs between any hand-out of an await `then` and
  // the engine's call of it.
  let turn = 0;
  let markerQueued = false;
  // True while a bracketed continuation runs (its [back to root] is queued).
  let inBracket = false;

  const RESOLVED = nativeResolve.call(NativePromise);
  Object.defineProperty(RESOLVED, 'constructor', { value: NativePromise });
  const toRoot = () => {
    swapFrame(ROOT);
    inBracket = false;
    turn++;
  };
  const nextTurn = () => {
    turn++;
    markerQueued = false;
  };

  function callNative(method, promise, a, b) {
    const outer = internal;
    internal = true;
    try {
      return method.call(promise, a, b);
    } finally {
      internal = outer;
    }
  }

  function inFrame(frame, fn) {
    if (typeof fn !== 'function' || frame === ROOT) return fn;
    return function (value) {
      return runInFrame(frame, fn, undefined, [value]);
    };
  }

  function then(onFulfilled, onRejected) {
    const frame = currentFrame();
    return callNative(priorThen, this, inFrame(frame, onFulfilled), inFrame(frame, onRejected));
  }

  function promiseFinally(onFinally) {
    return callNative(priorFinally, this, inFrame(currentFrame(), onFinally));
  }

  // [enter frame] [what settle queues: the continuation] [root]
  function bracket(frame, settle, value) {
    nativeThen.call(RESOLVED, frame.enter);
    settle(value);
    nativeThen.call(RESOLVED, toRoot);
  }

  // A `then` for one await in `frame`.
  function handOut(frame) {
    if (!inBracket && !markerQueued) {
      markerQueued = true;
      nativeThen.call(RESOLVED, nextTurn);
    }
    frame.enter ??= () => {
      swapFrame(frame);
      inBracket = true;
    };
    const handedOutIn = turn;
    return function then(resolve, reject) {
      if (turn === handedOutIn) {
        return callNative(nativeThen, this, inFrame(frame, resolve), inFrame(frame, reject));
      }
      return callNative(
        nativeThen,
        this,
        (value) => bracket(frame, resolve, value),
        (reason) => bracket(frame, reject, reason),
      );
    };
  }

  let thenValue = then;
  let constructorValue = NativePromise;

  Object.defineProperty(proto, 'constructor', {
    configurable: true,
    get() {
      if (internal) return NativePromise;
      if (constructorValue !== NativePromise || this === proto) return constructorValue;
      if (currentFrame() !== ROOT) armed = this;
      return StandIn;
    },
    set(value) {
      if (this === proto) constructorValue = value;
      else Object.defineProperty(this, 'constructor', { value, writable: true, enumerable: true, configurable: true });
    },
  });

  Object.defineProperty(proto, 'then', {
    configurable: true,
    get() {
      const frame = currentFrame();
      if (frame !== ROOT && !internal) {
        if (armed === this) {
          armed = null;
          return handOut(frame);
        }
        // Subclass instances skip our constructor getter: hand out here.
        if (this !== proto && getPrototypeOf(this) !== proto) return handOut(frame);
      }
      return thenValue;
    },
    set(value) {
      if (this === proto) thenValue = value;
      else Object.defineProperty(this, 'then', { value, writable: true, enumerable: true, configurable: true });
    },
  });

  Object.defineProperty(proto, 'finally', { value: promiseFinally, writable: true, configurable: true });
  Object.defineProperty(promiseFinally, 'name', { value: 'finally' });
  Object.defineProperty(then, 'name', { value: 'then' });

  // Promise.resolve(p) === p for native p, also in a context.
  function resolve(value) {
    return callNative(nativeResolve, this === StandIn ? NativePromise : this, value);
  }
  Object.defineProperty(resolve, 'name', { value: 'resolve' });
  Object.defineProperty(NativePromise, 'resolve', { value: resolve, writable: true, configurable: true });
  // Only where the global is %Promise%: zone.js insists on its own.
  if (global.Promise === NativePromise) {
    Object.defineProperty(global, 'Promise', { value: StandIn, writable: true, configurable: true });
  }
  return true;
}

// The engine's own proto[name], also when zone.js patched it before us (it
// keeps the original under __zone_symbol__<name>); undefined if none is left.
function original(proto, name) {
  const isNative = (f) => typeof f === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
  for (const candidate of [proto[name], proto[`__zone_symbol__${name}`]]) {
    if (isNative(candidate)) return candidate;
  }
  return undefined;
}
