// Promises and native `await` (docs/architecture.md, "How native `await` is
// hooked").
//
// Why no job sees a frame it was not started in:
// - Every job the carrier starts enters its own frame first and puts back
//   the frame it found when it ends: then/catch/finally reactions, `await`
//   continuations (bracketed below) and, in wrap.js, every callback handed
//   to the host. The root frame is a frame like any other here: a root job
//   handed over as it is would run in whatever the job before it left.
// - So between jobs the current frame is the root, but for one case: an
//   enterWith in code that no carrier job encloses (top-level code, a
//   listener the carrier does not wrap, what follows `await 5`) installs a
//   frame that nothing restores. context.js then tells the carrier, which
//   queues a job back to the root: that frame lasts until the end of the
//   microtask checkpoint at most, so the next task (a timer, a click, a
//   Service Worker event) starts in the root. Carrier jobs queued before the
//   reset enter their own frames; only jobs the carrier cannot hook (another
//   `await 5` continuation, a foreign thenable's then; with the plugin's
//   await hook off, a then called other than as a method call the bundle
//   holds) can see it (docs/browser-carrier.md).
//
// How `await p` is hooked:
// - `await p` reads p.constructor, then p.then, synchronously in the
//   awaiting frame, with nothing in between. The constructor getter answers
//   the global `Promise`, which the carrier makes a stand-in for %Promise%
//   (same prototype, statics and species; `p.constructor === Promise`
//   holds), so the engine takes the slow path and reads p.then; the getter
//   notes p ("armed"). The then getter, reading an armed p, answers a `then`
//   bound to the current frame. The engine calls it in a later job with its
//   own resolving functions; when p settles, one job queues [enter frame],
//   calls the resolving function (which queues the continuation) and queues
//   [back to root]: the continuation runs exactly between the two.
// - Subclass instances: their class's own `constructor` (and `then`, where
//   the class overrides it) become accessors of the same kind the first time
//   the carrier meets the class (its constructor runs the stand-in, or an
//   instance's then is read), so their awaits are told from other reads.
// - A `then` handed out (an await's read, or user code that read
//   p.constructor and then p.then, as promise utilities do) is taken for
//   the engine's call only in the job right after a marker job queued with
//   the hand-out: the engine queues an await's call right after the read,
//   so the two jobs are adjacent, and the engine calls it before anything
//   switches frames. Any other call (the reader's own, or another flow's
//   later) behaves as then(): in the caller's frame, never the reader's.
// - Answering %Promise% in the root frame would keep the engine's fast path
//   there, but then `p.constructor === Promise` could not hold both in and
//   out of contexts, and root continuations would start in whatever frame
//   was left: identity and soundness win (docs/browser-carrier.md, limits).
import { ROOT, currentFrame, swapFrame, frameSwitches, onLeftBehind, providePromiseInternals } from '../core/context.js';
import { AWAIT_HOOK } from './await-hook.js';
import { followReplacedPromise } from './replaced-promise.js';
import { noteRejected } from './uncaught.js';

export function installPromise(global) {
  const NativePromise = intrinsicPromise(global);
  const proto = NativePromise.prototype;
  const nativeThen = original(proto, 'then');
  if (!nativeThen) return false;
  // then()/finally() go through whatever was there (zone.js's, if it came
  // first); the await hook's jobs use the engine's own.
  const priorThen = proto.then;
  const priorFinally = proto.finally;
  const nativeResolve = NativePromise.resolve;
  const getPrototypeOf = Object.getPrototypeOf;

  // While our own code calls a native method, its own constructor read
  // (then's species lookup of its receiver, Promise.resolve's of its
  // argument) arms nothing: the object it reads. User code the method runs
  // (a subclass constructor, a species or then getter) is hooked as usual.
  let ownRead = null;
  // The promise whose constructor was just read: an `await` reads its then next.
  let armed = null;
  // The then last handed out, from its marker job on (handOut), and the
  // frame switches counted then: the engine's call comes before any other.
  let engineCall = null;
  let switchesAtMarker = 0;
  // Hand-outs whose marker job has not run yet, oldest first.
  const waiting = [];
  const marker = () => {
    armed = null;
    engineCall = waiting.shift();
    switchesAtMarker = frameSwitches();
  };
  let resetQueued = false;
  // A promise of the plugin hooks' that an await reads the constructor of
  // next: it answers %Promise% there (the engine's fast path).
  let fast = null;

  // The global Promise from now on, and what p.constructor answers: anything
  // but %Promise% makes `await` take the slow path. It constructs, inherits
  // the statics and species of Promise, and shares its prototype. (A Proxy
  // would do too, but costs V8 three times as much per await.)
  function Promise(executor) {
    armed = null;
    if (new.target !== Promise && new.target !== undefined) hookSubclass(new.target.prototype);
    const target = new.target === Promise ? NativePromise : new.target;
    if (typeof executor !== 'function') return Reflect.construct(NativePromise, [executor], target);
    // The frame where the promise is rejected (uncaught.js): where its
    // reject is called before anything settled it (later calls change
    // nothing, as in the engine), where its executor throws, or, for a
    // rejection it adopts, where resolve() was handed the thenable (the
    // engine's job that follows it runs there). The executor may do any of
    // these before the promise exists.
    let made = null;
    let settled = false;
    let rejectedIn = null;
    const settleHere = (mayReject) => {
      settled = true;
      if (!mayReject) return;
      rejectedIn = currentFrame();
      if (made !== null) noteRejected(made, rejectedIn);
    };
    made = Reflect.construct(NativePromise, [
      (resolve, reject) => {
        let threw = true;
        try {
          executor(
            (value) => {
              if (!settled) settleHere(value !== null && (typeof value === 'object' || typeof value === 'function'));
              resolve(value);
            },
            (reason) => {
              if (!settled) settleHere(true);
              reject(reason);
            },
          );
          threw = false;
        } finally {
          if (threw && !settled) settleHere(true);
        }
      },
    ], target);
    if (rejectedIn !== null) noteRejected(made, rejectedIn);
    return made;
  }
  Promise.prototype = proto;
  Object.setPrototypeOf(Promise, NativePromise);
  const StandIn = Promise;

  // queue()'s receiver: its own constructor keeps then()'s species lookup
  // from reaching the accessor below, which would take it for an await's.
  // With the hook off there is no accessor, and a promise with a constructor
  // of its own made V8's `await` of any promise 2.5 times as slow (its
  // species protector): then it has none, and a library that replaces
  // Promise.prototype.constructor (core-js forced) would be what then()
  // constructs each queued job's promise with.
  const RESOLVED = nativeResolve.call(NativePromise);
  if (AWAIT_HOOK) Object.defineProperty(RESOLVED, 'constructor', { value: NativePromise });
  const queue = (job) => nativeThen.call(RESOLVED, job);
  const toRoot = () => {
    swapFrame(ROOT);
    armed = null;
  };
  const reset = () => {
    resetQueued = false;
    armed = null;
    swapFrame(ROOT);
  };
  // A frame nothing will restore was installed (context.js): back to the
  // root once the jobs queued so far have run. Harmless wherever it lands:
  // between jobs, outside a bracket, the frame is the root anyway.
  onLeftBehind(() => {
    if (resetQueued) return;
    resetQueued = true;
    queue(reset);
  });

  function callNative(method, receiver, a, b) {
    const outer = ownRead;
    ownRead = method === nativeResolve ? a : receiver;
    try {
      return method.call(receiver, a, b);
    } finally {
      ownRead = outer;
    }
  }

  // True once for the native method's own constructor read of `self`.
  function isOwnRead(self) {
    if (self !== ownRead) return false;
    ownRead = null;
    return true;
  }

  // A reaction that runs fn in `frame` and puts back the frame it found:
  // runInFrame without its array of arguments, reactions being hot.
  function inFrame(frame, fn) {
    if (typeof fn !== 'function') return fn;
    return (value) => {
      const previous = swapFrame(frame);
      try {
        return fn(value);
      } finally {
        swapFrame(previous);
      }
    };
  }

  // Reactions run in the frame of the then() call. Where one throws, or a
  // rejection passes through, the promise then() answers is rejected in
  // that frame (uncaught.js). Two closures at most, as inFrame makes.
  function then(onFulfilled, onRejected) {
    const frame = currentFrame();
    let derived = null;
    const fulfilled = typeof onFulfilled === 'function' ? (value) => react(frame, onFulfilled, value, derived) : onFulfilled;
    const rejected =
      typeof onRejected === 'function' ? (reason) => react(frame, onRejected, reason, derived) : (reason) => passOn(frame, reason, derived);
    derived = callNative(priorThen, this, fulfilled, rejected);
    return derived;
  }

  // The promise finally() answers is rejected through a promise of its own
  // (the reason passes on after onFinally), in the frame of the call.
  function promiseFinally(onFinally) {
    const frame = currentFrame();
    const result = callNative(priorFinally, this, inFrame(frame, onFinally));
    noteRejected(result, frame);
    return result;
  }

  // The job that opens a bracket in `frame`, made once per frame.
  function enterOf(frame) {
    return (frame.enter ??= () => swapFrame(frame));
  }

  // [enter frame] [what settle queues: the continuation] [root]
  function bracket(frame, settle, value) {
    queue(enterOf(frame));
    closeBracket(settle, value);
  }

  // [what settle queues: a continuation that enters its frame first] [root]
  function closeBracket(settle, value) {
    settle(value);
    queue(toRoot);
  }

  // For code rewritten by als-wasm/plugin (carrier/plugin-hooks.js, which
  // only its bundles carry): awaits bracketed the same way.
  providePromiseInternals({
    NativePromise, nativeResolve, nativeThen, callNative, queue, bracket, closeBracket, enterOf,
    fastPath: (promise) => {
      fast = promise;
    },
    awaitsHooked: AWAIT_HOOK,
    // With the await hook off the bundle's then, catch and finally calls,
    // rewritten, call the carrier's in their place (plugin-hooks.js,
    // reactionsOf: the engine's methods as they were, then the carrier's).
    reactions: AWAIT_HOOK ? null : [priorThen, then, proto.catch, priorFinally, promiseFinally],
  });

  // A `then` for one await in the current frame, in place of `plain`, the
  // then the read would answer otherwise: the engine's (through then()),
  // or a subclass's own (`own`). Only the engine's call, in the job right
  // after the marker, brackets; any other runs as `plain` in its caller's
  // frame, so a then read in one flow never runs another's callback there.
  function handOut(plain, own) {
    const frame = currentFrame();
    const handed = function then(resolve, reject) {
      if (engineCall !== handed || frameSwitches() !== switchesAtMarker) return Reflect.apply(plain, this, [resolve, reject]);
      engineCall = null;
      const fulfilled = (value) => bracket(frame, resolve, value);
      const rejected = (reason) => bracket(frame, reject, reason);
      if (own) return Reflect.apply(plain, this, [fulfilled, rejected]);
      return callNative(nativeThen, this, fulfilled, rejected);
    };
    waiting.push(handed);
    queue(marker);
    return handed;
  }

  // The prototypes between a subclass instance and Promise.prototype: their
  // own constructor arms, their own then hands out when armed. Nothing is
  // hooked unless the chain leads to Promise.prototype.
  const hooked = new WeakSet();
  function hookSubclass(first) {
    const levels = [];
    let p = first;
    for (; p !== proto && p !== null && !hooked.has(p); p = getPrototypeOf(p)) levels.push(p);
    if (p === null) return;
    for (const level of levels) {
      hooked.add(level);
      accessor(level, 'constructor', (self, value) => {
        if (!isOwnRead(self) && self !== level) armed = self;
        return value;
      });
      if (Object.hasOwn(level, 'then') && typeof level.then === 'function') {
        accessor(level, 'then', (self, value) => {
          if (armed !== self) return value;
          armed = null;
          return handOut(value, true);
        });
      }
    }
  }

  // Data properties first, so that accessor() takes them: then() is ours,
  // constructor %Promise% (whatever answered before). A constructor that is
  // that already is left alone: redefining it, even as it was, made V8's
  // `await` of a promise 2.5 times as slow (its species protector), which a
  // build with the hook off (below) would pay on every await for nothing.
  const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor');
  if (ctor?.value !== NativePromise || !ctor.writable || !ctor.configurable) {
    Object.defineProperty(proto, 'constructor', { value: NativePromise, writable: true, configurable: true });
  }
  Object.defineProperty(promiseFinally, 'name', { value: 'finally' });
  Object.defineProperty(then, 'name', { value: 'then' });
  // Built with the plugin's `awaitHook: false` (await-hook.js), none of this:
  // Promise.prototype keeps the engine's then, catch and finally
  // (SpiderMonkey's fast `await` wants them as it made them: 4.9 times as
  // slow otherwise), and %Promise% stays the global Promise, with its own
  // statics (one `if`: a bundler keeps a block it could drop).
  if (AWAIT_HOOK) {
    Object.defineProperty(proto, 'then', { value: then, writable: true, configurable: true });
    Object.defineProperty(proto, 'finally', { value: promiseFinally, writable: true, configurable: true });
    accessor(proto, 'constructor', (self, value) => {
      if (isOwnRead(self) || value !== NativePromise || self === proto) return value;
      if (self === fast) {
        fast = null;
        return value;
      }
      armed = self;
      return StandIn;
    });
    accessor(proto, 'then', (self, value) => {
      if (armed === self) {
        armed = null;
        return handOut(value, false);
      }
      // An instance of a subclass the carrier has not met yet (made before
      // it was installed): from now on its awaits are told apart. This read
      // may be an await's: it is lost, never bound to a guess.
      if (self !== proto && self !== null && typeof self === 'object' && getPrototypeOf(self) !== proto) {
        hookSubclass(getPrototypeOf(self));
      }
      return value;
    });

    // Promise.resolve(p) === p for native p, also in a context.
    function resolve(value) {
      return callNative(nativeResolve, this === StandIn ? NativePromise : this, value);
    }
    Object.defineProperty(resolve, 'name', { value: 'resolve' });
    Object.defineProperty(NativePromise, 'resolve', { value: resolve, writable: true, configurable: true });
  }
  // The global Promise becomes the stand-in (with the hook), or stays the
  // class that replaced %Promise% (zone.js insists on its own), followed as well.
  followReplacedPromise(global, { NativePromise, StandIn, then, handOut, inFrame, accessor, queue, hooked: AWAIT_HOOK });
  return true;
}

// %Promise% itself, also where zone.js replaced the global Promise first:
// an async function's promise, unless the build compiled `async` away (as
// Angular's CLI does where zone.js is loaded), when that answers the global
// Promise; zone.js keeps the one it replaced under a symbol.
function intrinsicPromise(global) {
  const bySyntax = (async () => {})().constructor;
  if (bySyntax !== global.Promise) return bySyntax;
  const saved = typeof global.Zone?.__symbol__ === 'function' ? global[global.Zone.__symbol__('Promise')] : undefined;
  return typeof saved === 'function' && saved.prototype !== bySyntax.prototype ? saved : bySyntax;
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

// Makes p[name], an own writable data property, an accessor that answers
// read(this, value); assigning keeps working as it did.
function accessor(p, name, read) {
  const desc = Object.getOwnPropertyDescriptor(p, name);
  if (!desc?.writable || !desc.configurable) return;
  let value = desc.value;
  Object.defineProperty(p, name, {
    configurable: true,
    enumerable: desc.enumerable,
    get() {
      return read(this, value);
    },
    set(next) {
      if (this === p) value = next;
      else Object.defineProperty(this, name, { value: next, writable: true, enumerable: true, configurable: true });
    },
  });
}

// A reaction of then(): fn in `frame`, noting `derived` rejected where fn
// throws (a flag, not a catch: a debugger still sees the throw as fn's).
function react(frame, fn, value, derived) {
  const previous = swapFrame(frame);
  let threw = true;
  try {
    const result = fn(value);
    threw = false;
    return result;
  } finally {
    if (threw) noteRejected(derived, currentFrame());
    swapFrame(previous);
  }
}

// then()'s rejection handler where none was given: the rejection passes on, in `frame`.
function passOn(frame, reason, derived) {
  noteRejected(derived, frame);
  throw reason;
}
