// What code rewritten by als-wasm/plugin calls (plugin/runtime.js), so that
// every `await` in it is hooked, `await 5` and thenables included:
//   await x                    ->  resume(await awaited(x))
//   for await (… of it) / yield* it  ->  … of iterated(it) / yield* iterated(it)
//   yield x (async generator)  ->  yield yielded(x)
//   x.then(…) (hook off)       ->  thenOf(x).then(…)   (reactionsOf, below)
//
// awaited(x) does what `await x` does first, with the same reads in the same
// order: PromiseResolve(%Promise%, x) (a promise's constructor once; else a
// thenable's then once, called in a later job). It hands the engine a
// promise of its own, `stand`, whose constructor read (the await's, next)
// answers %Promise%: the engine's fast path, so the continuation is a plain
// reaction to `stand`, and no constructor slow path runs. A job of ours
// settles `stand` once x has settled and queues the job back to the root
// right after: the continuation runs between, as the carrier brackets
// `await p` (promise.js). A value rides in a Box with its frame, and
// resume() (the first thing the continuation does) enters that frame, so
// no [enter] job is needed; a rejection resumes in a catch or finally, not
// in resume(), and gets the whole bracket [enter][continuation][root]. The
// Box has no `then` to read, so a settled value is never read again (`await
// p` through the slow path reads value.then once more).
//
// Cost against a plain `await`: one tick (our job that settles `stand`);
// the carrier's slow path costs two. Measured (js-tests/bench/README.md): faster
// than the slow path for promises, and it keeps `await 5` and thenables.
import { currentFrame, runInFrame, swapFrame } from '../core/context.js';
import { calling } from '../plugin/reactions-as-is.js';

export function pluginHooks({ NativePromise, nativeResolve, nativeThen, callNative, queue, bracket, closeBracket, enterOf, fastPath, awaitsHooked, reactions }) {
  class Box {
    constructor(value, frame) {
      this.value = value;
      this.frame = frame;
    }
  }
  // Resolving with a box reads box.then: answered here, not by Object.prototype.
  Object.defineProperty(Box.prototype, 'then', { value: undefined });

  // A promise for the engine to await in place of x, settled (by a job of
  // ours) only once x has settled, with the continuation bracketed.
  function step(x, boxed) {
    const frame = currentFrame();
    x = thenableIn(frame, x);
    let resolve;
    let reject;
    const stand = new NativePromise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // The await's constructor read, next, answers %Promise%: the engine's
    // fast path, the continuation a plain reaction to `stand`.
    fastPath(stand);
    const fulfilled = (value) => {
      if (boxed) closeBracket(resolve, new Box(value, frame));
      else bracket(frame, resolve, value);
    };
    const rejected = (reason) => bracket(frame, reject, reason);
    // A primitive is its own settled value: one job, no promise of x.
    if (x === null || (typeof x !== 'object' && typeof x !== 'function')) queue(() => fulfilled(x));
    else callNative(nativeThen, callNative(nativeResolve, NativePromise, x), fulfilled, rejected);
    return stand;
  }

  const awaited = (x) => step(x, true);
  // An async generator's `yield x` awaits x; the job that settles that await
  // also resumes the body for a next() called meanwhile (Promise.all of two
  // next() calls): bracketed too. Not boxed: the engine takes the value.
  const yielded = (x) => step(x, false);
  const thenableIn = thenableInFrame(NativePromise);
  const resume = (box) => {
    enterOf(box.frame)();
    return box.value;
  };

  // The iterator `for await` and `yield*` would get from `iterable`, with the
  // same reads at the same moments (GetIterator(iterable, async); next read
  // once; return and throw read when the loop needs them), whose results go
  // through step() (not boxed: the loop reads them itself). A sync iterable
  // comes back as it was got: the engine's own async-from-sync iterator
  // answers promises, which the carrier hooks already.
  function iterated(iterable) {
    // Not iterable at all: the loop throws its own error.
    if (iterable === null || iterable === undefined) return iterable;
    const asyncMethod = iterable[Symbol.asyncIterator];
    if (asyncMethod === undefined || asyncMethod === null) {
      const syncMethod = iterable[Symbol.iterator];
      if (typeof syncMethod !== 'function') return iterable;
      const syncIterator = Reflect.apply(syncMethod, iterable, []);
      if (awaitsHooked) return { [Symbol.asyncIterator]: undefined, [Symbol.iterator]: () => syncIterator };
      return fromSync(syncIterator);
    }
    const iterator = Reflect.apply(asyncMethod, iterable, []);
    if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
      // What the loop itself would throw.
      throw new TypeError('Result of the Symbol.asyncIterator method is not an object');
    }
    const next = iterator.next;
    const hooked = {
      next(...args) {
        return step(Reflect.apply(next, iterator, args), false);
      },
      get return() {
        return method(iterator, 'return');
      },
      get throw() {
        return method(iterator, 'throw');
      },
    };
    return { [Symbol.asyncIterator]: () => hooked };
  }

  // With the await hook off (awaitHook: false) the engine's async-from-sync
  // iterator awaits each value unhooked: this one does what it does, each
  // step through step(): the value awaited, then { value, done }; a
  // rejected value closes the sync iterator, as the engine's does.
  function fromSync(syncIterator) {
    const next = syncIterator.next;
    const settle = (result, close) => {
      if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
        throw new TypeError('Iterator result is not an object');
      }
      const { done, value } = result;
      const awaitedValue = callNative(nativeThen, callNative(nativeResolve, NativePromise, value), (v) => ({ value: v, done: Boolean(done) }), (reason) => {
        if (!done && close) {
          const ret = syncIterator.return;
          if (ret !== undefined && ret !== null) Reflect.apply(ret, syncIterator, []);
        }
        throw reason;
      });
      return step(awaitedValue, false);
    };
    // A sync method, its result settled as above (`close`: a rejected value
    // closes the iterator).
    const call = (fn, close) => (...args) => settle(Reflect.apply(fn, syncIterator, args), close);
    const hooked = {
      next: call(next, true),
      get return() {
        const fn = syncIterator.return;
        return fn === undefined || fn === null ? (value) => step({ value, done: true }, false) : call(fn, false);
      },
      get throw() {
        const fn = syncIterator.throw;
        return fn === undefined || fn === null ? fn : call(fn, true);
      },
    };
    return { [Symbol.asyncIterator]: () => hooked };
  }

  function method(iterator, name) {
    const fn = iterator[name];
    if (fn === undefined || fn === null) return fn;
    return (...args) => step(Reflect.apply(fn, iterator, args), false);
  }

  return {
    awaited,
    resume,
    iterated,
    yielded,
    ...activationHooks(NativePromise, awaitsHooked ? fastPath : null, thenableIn),
    ...(reactions ? reactionsOf(reactions) : {}),
  };
}

// With the await hook off (reactions: the methods the engine made, and the
// carrier's then and finally, promise.js) the rewrite calls then, catch and
// finally through these, the receiver first:
//   x.then(…)  ->  thenOf(x).then(…)      (catchOf, finallyOf alike)
//   super.then(…)  ->  thenOf(this, super.then).then(…)
//   a?.b.then(f)   ->  a?.b.then(callback(f))
// x's method is read once, here, where the call would read it (or passed,
// read from super); the engine's runs as the carrier's (callbacks in the
// caller's frame), any other as it is, on x. A nullish x comes back as it
// is: `x?.then(…)` ends there, and `x.then(…)` throws the engine's own
// TypeError.
function reactionsOf([priorThen, then, priorCatch, priorFinally, promiseFinally]) {
  // catch() as the engine's, which calls this.then: the carrier's, where
  // that is the engine's.
  function promiseCatch(onRejected) {
    const method = this.then;
    return Reflect.apply(method === priorThen ? then : method, this, [undefined, onRejected]);
  }
  const of = (name, engine, carrier) => {
    const call = calling[name];
    return function (x, read) {
      let method = read;
      if (arguments.length < 2) {
        if (x === null || x === undefined) return x;
        method = x[name];
      }
      // (No finally on an old engine's promises: nothing is the engine's.)
      return call(x, method === engine && engine !== undefined ? carrier : method);
    };
  };
  // A then, catch or finally call whose receiver continues an optional
  // chain (`a?.b.then(f)`) cannot be wrapped: its callbacks are, each to run
  // in the frame of the call, whoever's method it is. (wrap.js's
  // bindCurrent, but a throw here rejects a promise, so it is not noted as
  // uncaught; one bindCurrent with a flag for both added 6 bytes gzipped to
  // every page's bundle.)
  const callback = (fn) => {
    if (typeof fn !== 'function') return fn;
    const frame = currentFrame();
    return function (...args) {
      return runInFrame(frame, fn, this, args);
    };
  };
  return {
    callback,
    thenOf: of('then', priorThen, then),
    catchOf: of('catch', priorCatch, promiseCatch),
    finallyOf: of('finally', priorFinally, promiseFinally),
  };
}

// For an `await` of a thenable that is no promise, the engine reads its then
// at the await and calls it in a job of its own, which no carrier job
// encloses: Node calls it in the awaiting flow, a browser in none. In its
// place, an object whose then calls that one in `frame`: the same one read,
// at the same moment, and the same one call. A `then` that throws when read
// rejects the await, as the engine's read would; an object with no `then`
// (checked with `in`, not read) is awaited as it is.
function thenableInFrame(NativePromise) {
  return (frame, x) => {
    if (x === null || (typeof x !== 'object' && typeof x !== 'function') || x instanceof NativePromise || !('then' in x)) return x;
    let then;
    try {
      then = x.then;
    } catch (error) {
      return new NativePromise((_, reject) => reject(error));
    }
    if (typeof then !== 'function') return x;
    return { then: (resolve, reject) => runInFrame(frame, then, x, [resolve, reject]) };
  };
}

// What a rewritten async function (not a generator; no `for await` or
// `await using` of its own) calls instead, with no job of ours at all
// (docs/plugin.md, "awaits at the engine's speed"):
//   async function f() { body }  ->  { const t = begin(); try { body } finally { done(t) } }
//   await x                       ->  resumed(t, await suspend(t, x))
//   catch (e) { … } / finally { … }  ->  catch (e) { caught(t); … }
// `t` is the activation's own record: `frame`, the frame its next
// continuation runs in (the one current at the await, as Node has it), and
// `found`, what the job that resumed it found current (the root), put back
// whenever the function gives the thread away again (it suspends, returns or
// throws), so that no job after it starts in the flow's frame. The part
// before the first await runs in its caller's job: there nothing is put back
// (`found` null), as in Node. An await that rejects resumes in a catch or
// finally, or leaves the function: `pending` tells caught() and done().
// A native promise's constructor read, next in the await, answers %Promise%
// (fastPath): the engine's fast path, continuation in the next job. With the
// await hook off (fastPath null) that read is the engine's own already.
// A frame already current is not written again (most awaits outside a run,
// and a run's awaits resumed by a job of the same run).
function activationHooks(NativePromise, fastPath, thenableIn) {
  const proto = NativePromise.prototype;
  const begin = () => ({ frame: null, found: null, pending: false });
  const suspend = (t, x) => {
    const frame = currentFrame();
    t.frame = frame;
    // A thenable's then is read here, in the awaiting frame, as the await
    // reads it. `__proto__`, not Object.getPrototypeOf: in Chromium a root
    // await of a promise cost 2.1 times a plain one with it, 1.45 with this
    // (an object with no Object.prototype reads undefined: a thenable).
    // biome-ignore lint/suspicious/noProto: measured faster, see above
    if (x !== null && typeof x === 'object' && x.__proto__ === proto) {
      if (fastPath !== null) fastPath(x);
    } else {
      x = thenableIn(frame, x);
    }
    t.pending = true;
    const found = t.found;
    if (found !== null && found !== frame) swapFrame(found);
    return x;
  };
  const enter = (t) => {
    t.pending = false;
    const found = currentFrame();
    t.found = found;
    if (found !== t.frame) swapFrame(t.frame);
  };
  const resumed = (t, value) => {
    enter(t);
    return value;
  };
  const caught = (t) => {
    if (t.pending) enter(t);
  };
  // A rejection that leaves the function never entered its frame.
  const done = (t) => {
    if (t.pending) t.pending = false;
    else if (t.found !== null && t.found !== currentFrame()) swapFrame(t.found);
  };
  return { begin, suspend, resumed, caught, done };
}
