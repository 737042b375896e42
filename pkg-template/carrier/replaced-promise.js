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

export function followReplacedPromise(global, { NativePromise, StandIn, then, handOut, inFrame, accessor, queue }) {
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
  // - it saved %Promise%'s then as it found it, ours, to queue the drain of
  //   its microtask queue, so the whole drain would run in the frame where
  //   it was queued. The drain belongs to no flow (each callback in it
  //   enters its own frame), so it runs in the root;
  // - its queueMicrotask queues the callback as it is, without calling ours:
  //   wrapped again, so that the callback runs in its caller's frame.
  const afterZone = () => {
    const symbol = global.Zone?.__symbol__;
    if (typeof symbol !== 'function') return;
    const thenKey = symbol('then');
    if (proto[thenKey] === then) {
      proto[thenKey] = function rootThen(onFulfilled, onRejected) {
        return Reflect.apply(then, this, [inFrame(ROOT, onFulfilled), inFrame(ROOT, onRejected)]);
      };
    }
    const delegate = symbol('OriginalDelegate');
    if (typeof global.queueMicrotask === 'function' && global.queueMicrotask[delegate] !== undefined && !rewrapped.has(global.queueMicrotask)) {
      patchCallbackFirst(global, ['queueMicrotask']);
      rewrapped.add(global.queueMicrotask);
    }
  };
  const rewrapped = new WeakSet();

  let current = global.Promise === NativePromise ? StandIn : global.Promise;
  follow(current);
  Object.defineProperty(global, 'Promise', {
    configurable: true,
    enumerable: false,
    get() {
      return current;
    },
    set(value) {
      current = value;
      follow(value);
      // zone.js goes on patching after it assigns the global, in the same call.
      queue(afterZone);
    },
  });
}
