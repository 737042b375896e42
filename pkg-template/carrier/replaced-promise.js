// A class that replaced the global Promise: zone.js's ZoneAwarePromise,
// loaded before the carrier or after it (docs/browser-carrier.md, "zone.js").
// Its instances are thenables of their own: `await` adopts one by reading its
// `then` in the awaiting frame and calling it in a later job, and the class
// runs its callbacks from a queue of its own (zone.js drains it in a job of
// %Promise%). So its `then` is followed as promise.js follows %Promise%'s:
// - every call runs the callbacks in the caller's frame (downleveled
//   `async`, which awaits through `Promise.resolve(x).then(step)`, included);
// - every read hands out a then that, called by the engine in the job right
//   after the read's marker, brackets the continuation in the reader's frame
//   (handOut); any other call is a plain call.
// The global `Promise` becomes an accessor, so a class installed after the
// carrier is followed from its assignment on.
import { ROOT, currentFrame } from '../core/context.js';
import { patchCallbackFirst, patchFunction } from './wrap.js';

export function followReplacedPromise(global, { NativePromise, StandIn, then, handOut, inFrame, accessor, queue, hooked }) {
  const proto = NativePromise.prototype;
  const followed = new WeakSet();
  // A library's then -> that then with the callbacks in the caller's frame.
  const inCallersFrame = new WeakMap();
  const callersThen = (libraryThen) => {
    let wrapped = inCallersFrame.get(libraryThen);
    if (wrapped === undefined) {
      wrapped = function then(onFulfilled, onRejected) {
        const frame = currentFrame();
        return Reflect.apply(libraryThen, this, [inFrame(frame, onFulfilled), inFrame(frame, onRejected)]);
      };
      inCallersFrame.set(libraryThen, wrapped);
    }
    return wrapped;
  };

  const follow = (Class) => {
    const p = typeof Class === 'function' ? Class.prototype : undefined;
    // %Promise% and its subclasses are promise.js's own.
    if (p === null || typeof p !== 'object' || p === proto || proto.isPrototypeOf(p) || followed.has(p)) return;
    if (typeof p.then !== 'function') return;
    followed.add(p);
    accessor(p, 'then', (self, value) => (self === p || typeof value !== 'function' ? value : handOut(callersThen(value), true)));
    patchFunction(p, 'finally', (libraryFinally) => function (onFinally) {
      return Reflect.apply(libraryFinally, this, [inFrame(currentFrame(), onFinally)]);
    });
  };

  // zone.js loaded after the carrier:
  // - it saves %Promise%'s then as it finds it (ours, or with the await hook
  //   off the engine's), to queue the drain of
  //   its microtask queue, so the whole drain would run in the frame where
  //   it was queued. The drain belongs to no flow (each callback in it
  //   enters its own frame), so the saved then runs it in the root: the
  //   slot it saves into answers that then from the moment zone.js assigns
  //   the global, before it saves;
  // - its queueMicrotask queues the callback as it is, without calling ours:
  //   wrapped again once zone.js has loaded, so that the callback runs in
  //   its caller's frame.
  const rootThen = function rootThen(onFulfilled, onRejected) {
    return Reflect.apply(then, this, [inFrame(ROOT, onFulfilled), inFrame(ROOT, onRejected)]);
  };
  const zoneSymbol = () => (typeof global.Zone?.__symbol__ === 'function' ? global.Zone.__symbol__ : null);
  const drainInRoot = () => {
    const symbol = zoneSymbol();
    const key = symbol?.('then');
    if (typeof key !== 'string' || Object.getOwnPropertyDescriptor(proto, key)?.get) return;
    let saved = proto[key];
    Object.defineProperty(proto, key, {
      configurable: true,
      get: () => (saved === then ? rootThen : saved),
      set(value) {
        saved = value;
      },
    });
  };
  const rewrapped = new WeakSet();
  const afterZone = () => {
    const delegate = zoneSymbol()?.('OriginalDelegate');
    const queueMicrotask = global.queueMicrotask;
    if (delegate === undefined || typeof queueMicrotask !== 'function' || queueMicrotask[delegate] === undefined) return;
    if (rewrapped.has(queueMicrotask)) return;
    patchCallbackFirst(global, ['queueMicrotask']);
    rewrapped.add(global.queueMicrotask);
  };

  // %Promise% assigned back is the stand-in, as at install.
  // With awaits not hooked (await-hook.js) %Promise% stays the global: the
  // stand-in only exists so that `p.constructor === Promise` holds where the
  // constructor read answers it.
  const asGlobal = (value) => (value === NativePromise && hooked ? StandIn : value);
  let current = asGlobal(global.Promise);
  follow(current);
  Object.defineProperty(global, 'Promise', {
    configurable: true,
    enumerable: false,
    get() {
      return current;
    },
    set(value) {
      if (this !== global) {
        Object.defineProperty(this, 'Promise', { value, writable: true, enumerable: true, configurable: true });
        return;
      }
      current = asGlobal(value);
      follow(current);
      drainInRoot();
      // zone.js goes on patching after it assigns the global, in the same call.
      queue(afterZone);
    },
  });
}
