// Events (DESIGN.md, "Semantics choices"):
// - a synchronous dispatchEvent runs listeners in the dispatcher's frame, and
//   events from the user or the host in the root frame: both hold with no
//   patch at all, since listeners run in whatever frame is current;
// - events that an API call causes later run in the frame of that call:
//   XMLHttpRequest (send), FileReader (readAs*), IndexedDB requests and
//   transactions, WebSocket (construction), MessagePort (postMessage, per
//   message). Such targets remember that frame, and their listeners (added
//   with addEventListener or as on* handlers) enter it when the host
//   dispatches.
import { ROOT, currentFrame, runInFrame } from '../context.js';
import { patchConstructor, patchFunction } from './wrap.js';

// target -> the frame its host-dispatched events run in
const causes = new WeakMap();
// MessageEvent -> frame of its postMessage; port -> frames of messages in flight
const messageFrames = new WeakMap();
const inFlight = new WeakMap();
// port -> its entangled port (ports made by a patched MessageChannel)
const partners = new WeakMap();

function remember(target) {
  if (target !== null && typeof target === 'object') causes.set(target, currentFrame());
}

function frameOf(target, event) {
  if (event && typeof event === 'object' && event.type === 'message' && inFlight.has(target)) {
    let frame = messageFrames.get(event);
    if (frame === undefined) {
      frame = inFlight.get(target).shift() ?? ROOT;
      messageFrames.set(event, frame);
    }
    return frame;
  }
  return causes.get(target) ?? ROOT;
}

const wrappers = new WeakMap();
const originals = new WeakMap();

function wrapListener(listener) {
  if (listener === null || (typeof listener !== 'function' && typeof listener !== 'object')) return listener;
  let wrapper = wrappers.get(listener);
  if (!wrapper) {
    wrapper = function (event) {
      // The host dispatching (trusted, or from the root frame): the frame of
      // the cause. Some hosts dispatch from their own JS, in whatever frame
      // it carries (Deno's message loop), and not all mark events trusted
      // (Node, Deno's FileReader). Otherwise: a synchronous dispatchEvent,
      // whose frame the listener keeps.
      const cause = frameOf(this, event);
      const frame = event?.isTrusted || currentFrame() === ROOT ? cause : currentFrame();
      if (typeof listener === 'function') return runInFrame(frame, listener, this, [event]);
      return runInFrame(frame, () => listener.handleEvent(event), undefined, []);
    };
    wrappers.set(listener, wrapper);
    originals.set(wrapper, listener);
  }
  return wrapper;
}

// Listeners registered on instances of `proto` (and on* handlers) are wrapped.
function wrapListenersOf(proto, handlerProtos = [proto]) {
  if (!proto) return;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  if (typeof add === 'function') {
    Object.defineProperty(proto, 'addEventListener', {
      configurable: true, writable: true,
      value: { addEventListener(type, listener, options) { return add.call(this, type, wrapListener(listener), options); } }.addEventListener,
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
          desc.set.call(this, typeof handler === 'function' ? wrapListener(handler) : handler);
        },
      });
    }
  }
}

export function installEvents(global) {
  const protoOf = (name) => global[name]?.prototype;

  // XMLHttpRequest: events of the request and of its upload, in send()'s frame.
  const xhr = protoOf('XMLHttpRequest');
  if (xhr) {
    // XMLHttpRequest and its upload share XMLHttpRequestEventTarget's methods.
    wrapListenersOf(protoOf('XMLHttpRequestEventTarget') ?? xhr, [protoOf('XMLHttpRequestEventTarget'), xhr]);
    patchFunction(xhr, 'send', (send) => function (...args) {
      remember(this);
      remember(this.upload);
      return Reflect.apply(send, this, args);
    });
  }

  const reader = protoOf('FileReader');
  if (reader) {
    wrapListenersOf(reader);
    // readAsArrayBuffer, readAsBinaryString, readAsDataURL, readAsText.
    for (const name of Object.getOwnPropertyNames(reader).filter((key) => key.startsWith('readAs'))) {
      patchFunction(reader, name, (read) => function (...args) {
        remember(this);
        return Reflect.apply(read, this, args);
      });
    }
  }

  // IndexedDB: every method that answers a request or a transaction.
  if (protoOf('IDBRequest')) {
    wrapListenersOf(protoOf('IDBRequest'), [protoOf('IDBRequest'), protoOf('IDBOpenDBRequest')]);
    wrapListenersOf(protoOf('IDBTransaction'));
    wrapListenersOf(protoOf('IDBDatabase'));
    const isCause = (v) => v instanceof global.IDBRequest || v instanceof global.IDBTransaction;
    for (const name of ['IDBFactory', 'IDBDatabase', 'IDBObjectStore', 'IDBIndex', 'IDBCursor']) {
      const proto = protoOf(name);
      if (!proto) continue;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const desc = Object.getOwnPropertyDescriptor(proto, key);
        if (typeof desc.value !== 'function' || key === 'constructor') continue;
        patchFunction(proto, key, (method) => function (...args) {
          const result = Reflect.apply(method, this, args);
          if (isCause(result)) remember(result);
          // cursor.continue()/advance() reuse the cursor's request.
          else if (name === 'IDBCursor' && this.request) remember(this.request);
          return result;
        });
      }
    }
  }

  if (protoOf('WebSocket')) {
    wrapListenersOf(protoOf('WebSocket'));
    patchConstructor(global, 'WebSocket', null, remember);
  }

  // MessageChannel: each message runs in the frame of its postMessage.
  const port = protoOf('MessagePort');
  if (port && global.MessageChannel) {
    wrapListenersOf(port);
    patchConstructor(global, 'MessageChannel', null, (channel) => {
      partners.set(channel.port1, channel.port2);
      partners.set(channel.port2, channel.port1);
      inFlight.set(channel.port1, []);
      inFlight.set(channel.port2, []);
    });
    patchFunction(port, 'postMessage', (post) => function (...args) {
      const result = Reflect.apply(post, this, args);
      const partner = partners.get(this);
      if (partner) inFlight.get(partner).push(currentFrame());
      return result;
    });
  }
}
