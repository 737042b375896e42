// The native carrier: on hosts that carry a value across async work by
// themselves (Node, Deno, Bun, workerd), the current frame rides in one
// AsyncLocalStorage of the host's and nothing is patched. `await 5`,
// thenables, EventEmitter, process.nextTick: the host's own rules, exactly.
// workerd's AsyncLocalStorage has no enterWith, nor has AsyncContext.Variable
// any setter: there the frame rides in a cell per run() (context.js).
import { carryIn, carryInScopes, claimCarrier } from '../core/context.js';

// Each answers the carrier of the realm: another copy of als-wasm may have
// installed one first, and then it carries this copy's context too.
// `guard(global)` guards the handlers a leaky host starts (host-guards.js);
// the server entries pass it, browser bundles leave it out.
export function carryNatively(HostStorage, guard = null) {
  return claimCarrier('native', () => {
    const host = new HostStorage();
    if (typeof host.enterWith === 'function' && !enterWithIsStub(host)) {
      carryIn(host);
      guard?.(globalThis);
    } else {
      carryInScopes({ run: (cell, fn) => host.run(cell, fn), get: () => host.getStore() });
    }
  });
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
