// Errors keep their flow (docs/browser-carrier.md, "Errors"), as Node runs
// its `uncaughtException` and `unhandledRejection` handlers:
// - a listener of the global scope's `error` event, for an exception that a
//   callback the host called threw, runs in the frame that callback left
//   (wrap.js notes it before the host reports it);
// - a listener of `unhandledrejection` (and `rejectionhandled`) runs in the
//   frame where the promise was rejected, where the carrier saw it: a
//   reaction of then/catch/finally that threw, or the rejection it passed
//   on, and a `new Promise` whose reject was called or whose executor threw
//   (promise.js notes them), and the promise of an async function that
//   run() called (api.js).
// The same holds for such an event that code dispatches itself (Deno's own
// are untrusted; zone.js makes one for its promises), since the frame is
// the very promise's or exception's. Anything else (the promise of an async
// function called elsewhere, which the engine rejects with no step the
// carrier sees; an exception of code it did not call) runs
// the listener in the current frame, as before: the root between tasks, the
// dispatcher's in a synchronous dispatch. Never a guess: a frame is used
// only for the very promise, or the very exception of the same job.
import { currentFrame, onAsyncRun, onUncaught, runInFrame } from '../core/context.js';
import { patchFunction } from './wrap.js';

const rejectedIn = new WeakMap();
// The exception last noted (an object: a primitive could be anyone's) and
// the frame it left. The host reports it in the same task, after that task's
// microtasks: the first listener of that report takes the note for its
// event (every listener of it gets that frame), and a report of the same
// object later finds none. A note nobody reported (a callback whose throw
// the host turns into a rejection) lasts until a later task, a message to
// ourselves that no timer clamping delays, or until another exception.
let thrown = null;
// event -> the frame its listeners run in
const reported = new WeakMap();

export function noteRejected(promise, frame) {
  if (promise !== null && typeof promise === 'object') rejectedIn.set(promise, frame);
}

const REJECTIONS = new Set(['unhandledrejection', 'rejectionhandled']);

function frameOf(type, event, error) {
  if (REJECTIONS.has(type)) return rejectedIn.get(event?.promise) ?? currentFrame();
  const known = event == null ? undefined : reported.get(event);
  if (known !== undefined) return known;
  if (thrown === null || thrown.error !== error) return currentFrame();
  const { frame } = thrown;
  // A worker's onerror gets no event: it matches by the object alone.
  if (event != null) {
    reported.set(event, frame);
    thrown = null;
  }
  return frame;
}

export function installUncaught(global) {
  const eventTarget = global.EventTarget?.prototype;
  if (typeof global.addEventListener !== 'function' || !eventTarget?.isPrototypeOf(global)) return;
  onAsyncRun(noteRejected);
  const nextTask = taskAfter(global);
  onUncaught((error, frame) => {
    if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return;
    const note = { error, frame };
    thrown = note;
    nextTask(() => {
      if (thrown === note) thrown = null;
    });
  });

  const types = new Set(['error', ...REJECTIONS]);
  // type -> listener -> its wrapper, so that removeEventListener finds it.
  const wrappers = new Map([...types].map((type) => [type, new WeakMap()]));
  const wrap = (type, listener) => {
    if (listener === null || (typeof listener !== 'function' && typeof listener !== 'object')) return listener;
    const byListener = wrappers.get(type);
    let wrapper = byListener.get(listener);
    if (wrapper === undefined) {
      wrapper = function (event) {
        const frame = frameOf(type, event, event?.error);
        if (typeof listener === 'function') return runInFrame(frame, listener, this, [event]);
        return runInFrame(frame, () => listener.handleEvent(event), undefined, []);
      };
      byListener.set(listener, wrapper);
    }
    return wrapper;
  };
  // An unqualified addEventListener(…) has no receiver: the global scope's.
  const ours = (target, type) => (target ?? global) === global && types.has(type);
  patchFunction(eventTarget, 'addEventListener', (add) => function addEventListener(type, listener, options) {
    return Reflect.apply(add, this, [type, ours(this, type) ? wrap(type, listener) : listener, options]);
  });
  patchFunction(eventTarget, 'removeEventListener', (remove) => function removeEventListener(type, listener, options) {
    const wrapper = ours(this, type) ? wrappers.get(type).get(listener) : undefined;
    return Reflect.apply(remove, this, [type, wrapper ?? listener, options]);
  });

  // onerror gets (message, source, line, column, error) from the host; a
  // window says which event that is (window.event), a worker does not.
  for (const type of types) handlerOf(global, `on${type}`, (handler) => function (...args) {
    const fiveArguments = type === 'error' && args.length >= 5;
    const event = fiveArguments ? global.event : args[0];
    const frame = frameOf(type, event, fiveArguments ? args[4] : event?.error);
    return runInFrame(frame, handler, this, args);
  });
}

// The on<type> accessor of the global scope (on the scope itself or its
// prototype chain): a handler set there runs as make(handler), and reading
// answers the handler that was set.
function handlerOf(global, name, make) {
  let owner = global;
  while (owner !== null && !Object.hasOwn(owner, name)) owner = Object.getPrototypeOf(owner);
  const desc = owner === null ? undefined : Object.getOwnPropertyDescriptor(owner, name);
  if (!desc?.get || !desc.set || !desc.configurable) return;
  const handlers = new WeakMap();
  Object.defineProperty(owner, name, {
    ...desc,
    get() {
      const handler = desc.get.call(this);
      return handlers.get(handler) ?? handler;
    },
    set(handler) {
      if (typeof handler !== 'function' || this !== global) return desc.set.call(this, handler);
      const wrapped = make(handler);
      handlers.set(wrapped, handler);
      desc.set.call(this, wrapped);
    },
  });
}

// Calls fn in a later task: a MessageChannel message where one can be had
// without keeping a server process alive (Deno's ports do), else a timer.
function taskAfter(global) {
  if (typeof global.MessageChannel !== 'function' || global.Deno !== undefined) return (fn) => global.setTimeout(fn, 0);
  const { port1, port2 } = new global.MessageChannel();
  const pending = [];
  port1.onmessage = () => pending.shift()?.();
  return (fn) => {
    pending.push(fn);
    port2.postMessage(null);
  };
}
