// The one primitive of the patch carrier: a callback that runs in the frame
// current when it was handed to the host, the root frame included, and puts
// back the frame it found when it ends. A root callback handed over as it is
// would run in whatever frame the job before it left behind (an enterWith
// in another root callback), and would leave its own enterWith behind.
import { currentFrame, runInFrame } from '../context.js';

export function bindCurrent(fn) {
  if (typeof fn !== 'function') return fn;
  return bindFrame(currentFrame(), fn);
}

export function bindFrame(frame, fn) {
  return function (...args) {
    return runInFrame(frame, fn, this, args);
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
