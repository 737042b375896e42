// Host-started handlers that one handler's enterWith could reach the next
// of, whatever carries the frame:
// - node:http and node:net servers: a host runs pipelined requests one after
//   another in one callback, before any microtask (the patch carrier's job
//   back to the root comes too late), and Node 20 runs keep-alive and
//   pipelined requests in one resource, whose store an enterWith changes;
// - Deno.serve's handlers and AbortSignal's listeners: Deno calls them from
//   loops of its own that await after each call, so the context a handler
//   left reaches the next handler, of any kind (Deno 2.9);
// - Node 20's setInterval: every tick runs in one resource, and Node 20's and
//   Deno's BroadcastChannel deliver messages one after another likewise.
// Each such handler runs in its own frame (Node 24's rule: a server's
// events in the frame of listen(), a Deno.serve handler in that of serve(),
// an interval tick in that of setInterval(), a host's abort in that of
// AbortSignal.timeout()) and puts back the frame it found, so nothing it
// enters outlives it.
import { ROOT, currentFrame, runInFrame } from '../core/context.js';
import { bindFrame, patchFunction, wrapListeners } from './wrap.js';

// bindFrame, of fn's length (Deno.serve passes no request to a handler of
// length 0).
function scoped(frame, fn) {
  if (typeof fn !== 'function') return fn;
  return Object.defineProperty(bindFrame(frame, fn), 'length', { value: fn.length });
}

function builtin(global, name) {
  try {
    return global.process?.getBuiltinModule?.(name) ?? null;
  } catch {
    return null;
  }
}

// The events a server's host emits (net, http, https); a user's own emit of
// them runs there too.
const SERVER_EVENTS = new Set(['connection', 'request', 'checkContinue', 'checkExpectation', 'upgrade', 'connect', 'clientError', 'dropRequest']);

export function guardNodeServers(global) {
  const protos = [builtin(global, 'node:net')?.Server?.prototype];
  const http = builtin(global, 'node:http')?.Server?.prototype;
  // Deno's http.Server is not a net.Server.
  if (http && !protos[0]?.isPrototypeOf(http)) protos.push(http);
  const listenFrames = new WeakMap();
  for (const proto of protos) {
    patchFunction(proto, 'listen', (listen) => function (...args) {
      listenFrames.set(this, currentFrame());
      return Reflect.apply(listen, this, args);
    });
    patchFunction(proto, 'emit', (emit) => function (type, ...args) {
      if (!SERVER_EVENTS.has(type)) return Reflect.apply(emit, this, [type, ...args]);
      return runInFrame(listenFrames.get(this) ?? ROOT, emit, this, [type, ...args]);
    });
  }
}

// Deno.serve(handler), (options, handler), ({ handler, ... }).
export function guardDenoServe(global) {
  const Deno = global.Deno;
  if (typeof Deno?.serve !== 'function') return;
  patchFunction(Deno, 'serve', (serve) => function (...args) {
    const frame = currentFrame();
    const guarded = args.map((arg) => {
      if (typeof arg === 'function') return scoped(frame, arg);
      if (arg !== null && typeof arg === 'object' && typeof arg.handler === 'function') return { ...arg, handler: scoped(frame, arg.handler) };
      return arg;
    });
    return Reflect.apply(serve, this, guarded);
  });
}

// Calls in progress whose events are the user's (dispatchEvent, abort()).
let userCalls = 0;
const userCounted = new WeakSet();
function countUserCalls(proto, name) {
  if (!proto || userCounted.has(proto)) return;
  userCounted.add(proto);
  patchFunction(proto, name, (method) => function (...args) {
    userCalls++;
    try {
      return Reflect.apply(method, this, args);
    } finally {
      userCalls--;
    }
  });
}

// Listeners on instances of `proto` (wrapListeners): an event a user's call
// fires runs them in the caller's frame, one the host fires (byHost(event))
// in hostFrame(target).
const noUserCall = () => userCalls === 0;
function guardListeners(global, proto, hostFrame, byHost = noUserCall) {
  if (!proto) return;
  countUserCalls(global.EventTarget?.prototype, 'dispatchEvent');
  wrapListeners(proto, (target, event) => (byHost(event) ? hostFrame(target) : currentFrame()));
}

// AbortSignal listeners: a host's abort runs them in the frame of
// AbortSignal.timeout() (else the root).
export function guardAbortSignals(global) {
  const Signal = global.AbortSignal;
  if (!Signal?.prototype) return;
  const timeoutFrames = new WeakMap();
  countUserCalls(global.AbortController?.prototype, 'abort');
  patchFunction(Signal, 'timeout', (timeout) => function (...args) {
    const signal = Reflect.apply(timeout, this, args);
    timeoutFrames.set(signal, currentFrame());
    return signal;
  });
  guardListeners(global, Signal.prototype, (signal) => timeoutFrames.get(signal) ?? ROOT);
}

// BroadcastChannel messages may come from any realm, in no order this realm
// can follow: they run in the root frame (docs/browser-carrier.md, limits). The host marks
// its messages trusted (Deno delivers them through dispatchEvent).
export function guardBroadcastChannels(global) {
  const byHost = (event) => event?.isTrusted === true || userCalls === 0;
  guardListeners(global, global.BroadcastChannel?.prototype, () => ROOT, byHost);
}

// setInterval's ticks (global, and node:timers' own export where it differs).
export function guardIntervals(global) {
  const guard = (setInterval) => function (callback, ...rest) {
    return Reflect.apply(setInterval, this, [scoped(currentFrame(), callback), ...rest]);
  };
  const unguarded = global.setInterval;
  patchFunction(global, 'setInterval', guard);
  patchFunction(builtin(global, 'node:timers'), 'setInterval', (own) => (own === unguarded ? global.setInterval : guard(own)));
}

// The native carrier, where the host's own storage lets one handler's
// enterWith reach the next: Deno 2.9, and Node before 24's AsyncContextFrame.
// (Deno's node:http leaks nothing; loading it would replace Deno's global
// MessageChannel under the user's feet.)
export function guardLeakyHost(global) {
  const versions = global.process?.versions;
  if (global.Deno) {
    guardDenoServe(global);
    guardAbortSignals(global);
    guardBroadcastChannels(global);
  } else if (versions?.node && !versions.bun && Number.parseInt(versions.node, 10) < 24) {
    guardNodeServers(global);
    guardIntervals(global);
    guardBroadcastChannels(global);
  }
}

// The patch carrier forced on a server (carrier/patched-servers.js): its
// servers run one handler after another before any microtask.
export function guardPatchedServers(global) {
  guardNodeServers(global);
  guardDenoServe(global);
  guardBroadcastChannels(global);
}
