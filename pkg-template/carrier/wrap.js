// The one primitive of the patch carrier: a callback that runs in the frame
// current when it was handed to the host, the root frame included, and puts
// back the frame it found when it ends. A root callback handed over as it is
// would run in whatever frame the job before it left behind (an enterWith
// in another root callback), and would leave its own enterWith behind.
import { currentFrame, runInFrame } from '../core/context.js';

export function bindCurrent(fn) {
  if (typeof fn !== 'function') return fn;
  return bindFrame(currentFrame(), fn);
}

export function bindFrame(frame, fn) {
  return function (...args) {
    return runInFrame(frame, fn, this, args, true);
  };
}

// Replaces global[name] (a function) with `make(original)`, keeping name and
// length; does nothing when the host has no such function.
export function patchFunction(target, name, make) {
  const original = target?.[name];
  if (typeof original !== 'function') return;
  const patched = make(original);
  // name, length and extras such as Node's util.promisify.custom.
  for (const key of Reflect.ownKeys(original)) {
    if (key !== 'prototype' && key !== 'arguments' && key !== 'caller') {
      Object.defineProperty(patched, key, Object.getOwnPropertyDescriptor(original, key));
    }
  }
  redefine(target, name, patched);
}

// Puts `value` in place of target[name], as a data property even where the
// host made it an accessor (Deno's globals).
function redefine(target, name, value) {
  const { enumerable = false, configurable = true } = Object.getOwnPropertyDescriptor(target, name) ?? {};
  Object.defineProperty(target, name, { value, writable: true, enumerable, configurable });
}

// Listeners registered on instances of `proto` (addEventListener, and the
// on* handlers of `handlerProtos`) run in frameFor(target, event), each
// putting back the frame it found; onListen(target) runs before each is
// registered. One wrapper per listener, so removeEventListener and the on*
// getters find it.
export function wrapListeners(proto, frameFor, { handlerProtos = [proto], onListen = null } = {}) {
  if (!proto) return;
  const wrappers = new WeakMap();
  const originals = new WeakMap();
  const wrap = (listener) => {
    if (listener === null || (typeof listener !== 'function' && typeof listener !== 'object')) return listener;
    let wrapper = wrappers.get(listener);
    if (!wrapper) {
      wrapper = function (event) {
        const frame = frameFor(this, event);
        if (typeof listener === 'function') return runInFrame(frame, listener, this, [event], true);
        return runInFrame(frame, () => listener.handleEvent(event), undefined, [], true);
      };
      wrappers.set(listener, wrapper);
      originals.set(wrapper, listener);
    }
    return wrapper;
  };
  const addListener = proto.addEventListener;
  const remove = proto.removeEventListener;
  if (typeof addListener === 'function') {
    Object.defineProperty(proto, 'addEventListener', {
      configurable: true, writable: true,
      value: { addEventListener(type, listener, options) {
        onListen?.(this);
        return addListener.call(this, type, wrap(listener), options);
      } }.addEventListener,
    });
    Object.defineProperty(proto, 'removeEventListener', {
      configurable: true, writable: true,
      value: { removeEventListener(type, listener, options) { return remove.call(this, type, wrappers.get(listener) ?? listener, options); } }.removeEventListener,
    });
  }
  for (const p of handlerProtos) {
    if (!p) continue;
    for (const key of Object.getOwnPropertyNames(p)) {
      const desc = Object.getOwnPropertyDescriptor(p, key);
      if (!key.startsWith('on') || !desc.set || !desc.get || !desc.configurable) continue;
      Object.defineProperty(p, key, {
        ...desc,
        get() {
          const handler = desc.get.call(this);
          return originals.get(handler) ?? handler;
        },
        set(handler) {
          onListen?.(this);
          desc.set.call(this, typeof handler === 'function' ? wrap(handler) : handler);
        },
      });
    }
  }
}

// Wraps the first argument (a callback) of each named function on `target`.
export function patchCallbackFirst(target, names) {
  for (const name of names) {
    patchFunction(target, name, (original) =>
      function (callback, ...rest) {
        return Reflect.apply(original, this, [bindCurrent(callback), ...rest]);
      },
    );
  }
}

// Replaces the constructor global[name] with a Proxy whose construct trap
// calls `onConstruct(args)` first; prototype, instanceof and statics stay.
export function patchConstructor(target, name, onConstruct, afterConstruct) {
  const original = target[name];
  if (typeof original !== 'function') return;
  const patched = new Proxy(original, {
    construct(t, args, newTarget) {
      onConstruct?.(args);
      const made = Reflect.construct(t, args, newTarget === patched ? t : newTarget);
      afterConstruct?.(made);
      return made;
    },
  });
  redefine(target, name, patched);
}
