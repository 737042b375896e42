// The native carrier: on hosts that carry a value across async work by
// themselves (Node, Deno, Bun, workerd), the current frame rides in one
// AsyncLocalStorage of the host's and nothing is patched. `await 5`,
// thenables, EventEmitter, process.nextTick: the host's own rules, exactly.
// workerd's AsyncLocalStorage has no enterWith, nor has AsyncContext.Variable
// any setter: there the frame rides in a cell per run() (context.js).
import { carryIn, carryInScopes, claimCarrier } from '../context.js';
import { guardAbortSignals, guardBroadcastChannels, guardDenoServe, guardIntervals, guardNodeServers } from './host-guards.js';

// Each answers the carrier of the realm: another copy of als-wasm may have
// installed one first, and then it carries this copy's context too.
export function carryNatively(HostStorage) {
  return claimCarrier('native', () => {
    const host = new HostStorage();
    if (typeof host.enterWith === 'function' && !enterWithIsStub(host)) {
      carryIn(host);
      guardLeakyHost(globalThis);
    } else {
      carryInScopes({ run: (cell, fn) => host.run(cell, fn), get: () => host.getStore() });
    }
  });
}

// Where the host's own storage lets one handler's enterWith reach the next
// (host-guards.js): Deno 2.9, and Node before 24's AsyncContextFrame.
// (Deno's node:http leaks nothing; loading it would replace Deno's global
// MessageChannel under the user's feet.)
function guardLeakyHost(global) {
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

export function carryInAsyncContext(AsyncContext) {
  return claimCarrier('native', () => {
    const variable = new AsyncContext.Variable();
    carryInScopes({ run: (cell, fn) => variable.run(cell, fn), get: () => variable.get() });
  });
}

// workerd defines enterWith only to throw "not implemented".
function enterWithIsStub(host) {
  try {
    host.enterWith(undefined);
    return false;
  } catch {
    return true;
  }
}
