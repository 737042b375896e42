// Events (docs/architecture.md, "Semantics chosen"):
// - a synchronous dispatchEvent runs listeners in the dispatcher's frame, and
//   events from the user or the host in the root frame: listeners the
//   carrier does not wrap run in whatever frame is current, which is the
//   root between jobs (promise.js says why);
// - events that an API call causes later run in the frame of that call:
//   XMLHttpRequest (open, send, abort), FileReader (readAs*, abort),
//   IndexedDB requests and transactions, WebSocket (construction),
//   MessagePort (postMessage, per message: ports.js). Such targets remember that
//   frame when the call succeeds, and their listeners (added with
//   addEventListener or as on* handlers) enter it when the host dispatches.
//   Events a call fires synchronously (open()'s readystatechange, abort())
//   run in that call's frame, which is also its dispatcher's.
import { ROOT, currentFrame } from '../core/context.js';
import { patchConstructor, patchFunction, wrapListeners } from './wrap.js';
import { countDeliveries, installPorts, messageFrameOf } from './ports.js';

// target -> the frame its host-dispatched events run in
const causes = new WeakMap();
// Calls of dispatchEvent in progress (synthetic events). Hosts mark their
// own events trusted, except Node's MessagePort, which never dispatches
// through the public dispatchEvent; Deno's FileReader does both (untrusted,
// through dispatchEvent), and so counts as synthetic.
let dispatching = 0;
const delivered = (event) => event?.isTrusted === true || dispatching === 0;

// Runs `call` with the frame it causes events in set to the current one;
// a call that throws caused nothing, so the previous cause stays.
function causing(targets, call) {
  const before = targets.map((t) => causes.get(t));
  for (const t of targets) causes.set(t, currentFrame());
  try {
    return call();
  } catch (error) {
    targets.forEach((t, i) => causes.set(t, before[i]));
    throw error;
  }
}

function remember(target) {
  if (target !== null && typeof target === 'object') causes.set(target, currentFrame());
}

function frameOf(target, event) {
  if (!delivered(event)) return currentFrame();
  return messageFrameOf(event) ?? causes.get(target) ?? ROOT;
}

// Listeners registered on instances of `proto` (and on* handlers) run in
// frameOf(target, event); a port's deliveries are counted first.
function wrapListenersOf(proto, handlerProtos = [proto]) {
  const addListener = proto?.addEventListener;
  wrapListeners(proto, frameOf, { handlerProtos, onListen: (target) => countDeliveries(target, addListener, delivered) });
}

export function installEvents(global) {
  const protoOf = (name) => global[name]?.prototype;
  patchFunction(protoOf('EventTarget'), 'dispatchEvent', (dispatch) => function (...args) {
    dispatching++;
    try {
      return Reflect.apply(dispatch, this, args);
    } finally {
      dispatching--;
    }
  });

  // Methods whose events (on the object, and on its upload for XHR) run in
  // the frame of the last such call that succeeded.
  const causedBy = (proto, names, alsoOf = () => []) => {
    for (const name of names) {
      patchFunction(proto, name, (method) => function (...args) {
        return causing([this, ...alsoOf(this)], () => Reflect.apply(method, this, args));
      });
    }
  };

  // XMLHttpRequest: events of the request and of its upload.
  const xhr = protoOf('XMLHttpRequest');
  if (xhr) {
    // XMLHttpRequest and its upload share XMLHttpRequestEventTarget's methods.
    wrapListenersOf(protoOf('XMLHttpRequestEventTarget') ?? xhr, [protoOf('XMLHttpRequestEventTarget'), xhr]);
    causedBy(xhr, ['open', 'send', 'abort'], (request) => [request.upload]);
  }

  const reader = protoOf('FileReader');
  if (reader) {
    wrapListenersOf(reader);
    // readAsArrayBuffer, readAsBinaryString, readAsDataURL, readAsText.
    causedBy(reader, [...Object.getOwnPropertyNames(reader).filter((key) => key.startsWith('readAs')), 'abort']);
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
    const listen = port.addEventListener;
    wrapListenersOf(port);
    // A port started with no listener delivers to no one: still counted.
    patchFunction(port, 'start', (start) => function (...args) {
      countDeliveries(this, listen, delivered);
      return Reflect.apply(start, this, args);
    });
    installPorts(global);
  }
}
