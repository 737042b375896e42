// What code rewritten by als-wasm/plugin calls (plugin/runtime.js), so that
// every `await` in it is hooked, `await 5` and thenables included:
//   await x                    ->  resume(await awaited(x))
//   for await (… of it) / yield* it  ->  … of iterated(it) / yield* iterated(it)
//
// awaited(x) does what `await x` does first, with the same reads in the same
// order: PromiseResolve(%Promise%, x) (a promise's constructor once; else a
// thenable's then once, called in a later job). It hands the engine a Step,
// a plain thenable, so the engine calls Step.then with its own resolving
// functions; once x has settled, the continuation is bracketed
// [enter frame][continuation][root] as the carrier brackets `await p`
// (promise.js), without its slow path: the engine reads no constructor.
// The value rides in a Box, which has no `then` of its own to read, so a
// settled value is never read again (`await p` with the slow path reads
// value.then once more); resume() unwraps it.
//
// Cost against a plain `await`: one tick (the engine's call of Step.then);
// the carrier's slow path costs two.
import { currentFrame } from '../context.js';

export function pluginHooks({ NativePromise, nativeResolve, nativeThen, callNative, bracket }) {
  class Box {
    constructor(value) {
      this.value = value;
    }
  }
  // Resolving with a box reads box.then: answered here, not by Object.prototype.
  Object.defineProperty(Box.prototype, 'then', { value: undefined });

  const PENDING = 0;
  const FULFILLED = 1;
  const REJECTED = 2;

  class Step {
    constructor(frame, boxed) {
      this.frame = frame;
      this.boxed = boxed;
      this.state = PENDING;
      this.outcome = undefined;
      this.resolve = null;
      this.reject = null;
    }

    // Called once, by the engine, in a job after the await.
    then(resolve, reject) {
      if (this.resolve !== null) return;
      this.resolve = resolve;
      this.reject = reject;
      if (this.state !== PENDING) this.deliver();
    }

    settled(state, outcome) {
      this.state = state;
      this.outcome = outcome;
      if (this.resolve !== null) this.deliver();
    }

    deliver() {
      if (this.state === FULFILLED) {
        bracket(this.frame, this.resolve, this.boxed ? new Box(this.outcome) : this.outcome);
      } else {
        bracket(this.frame, this.reject, this.outcome);
      }
    }
  }

  function step(x, boxed) {
    const s = new Step(currentFrame(), boxed);
    const promise = callNative(nativeResolve, NativePromise, x);
    callNative(
      nativeThen,
      promise,
      (value) => s.settled(FULFILLED, value),
      (reason) => s.settled(REJECTED, reason),
    );
    return s;
  }

  const awaited = (x) => step(x, true);
  const resume = (box) => box.value;

  // The iterator `for await` and `yield*` would get from `iterable`, with the
  // same reads at the same moments (GetIterator(iterable, async); next read
  // once; return and throw read when the loop needs them), whose results go
  // through a Step (not boxed: the loop reads them itself). A sync iterable
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
      return { [Symbol.asyncIterator]: undefined, [Symbol.iterator]: () => syncIterator };
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

  function method(iterator, name) {
    const fn = iterator[name];
    if (fn === undefined || fn === null) return fn;
    return (...args) => step(Reflect.apply(fn, iterator, args), false);
  }

  return { awaited, resume, iterated };
}
