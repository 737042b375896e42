// What the OpenTelemetry context-manager cases share: mocha's `done` as a
// promise, and the host pieces OTel's suites take for granted (an
// EventEmitter, setImmediate, a DOM element), found on every host.
import { test, AssertionError } from '../support/harness.mjs';
import { openTelemetry } from '../support/subject.mjs';

// Runs body(done, guard) and resolves when it calls done(). guard(fn) wraps
// a callback (timer, listener, async function) so that an assertion failing
// inside it rejects the test instead of escaping to the host as an uncaught
// error; a test that never calls done() fails after `ms`.
export function finish(body, ms = 5000) {
  return new Promise((resolve, reject) => {
    const watchdog = setTimeout(() => reject(new AssertionError(`done() not called within ${ms} ms`)), ms);
    const fail = (e) => {
      clearTimeout(watchdog);
      reject(e);
    };
    const done = () => {
      clearTimeout(watchdog);
      resolve();
    };
    const guard = (fn) =>
      function (...args) {
        try {
          const result = fn.apply(this, args);
          if (typeof result?.then === 'function') result.then(undefined, fail);
          return result;
        } catch (e) {
          fail(e);
        }
      };
    guard(body)(done, guard);
  });
}

// The test() of one upstream file: `otel <suite>: <name>`. Its body gets a
// fresh enabled manager (as upstream's beforeEach makes one), another() for
// more managers, the class, and the API the manager uses: ROOT_CONTEXT and
// the keys upstream makes. Every manager is disabled afterwards.
export function managerTest(suite) {
  return (name, body, options) =>
    test(
      `otel ${suite}: ${name}`,
      async () => {
        const { AsyncLocalStorageContextManager: Manager, api } = await openTelemetry();
        const managers = [];
        const another = () => {
          const manager = new Manager();
          managers.push(manager);
          return manager.enable();
        };
        const manager = another();
        try {
          await body({
            manager,
            another,
            Manager,
            ROOT: api.ROOT_CONTEXT,
            key1: api.createContextKey('test key 1'),
            key2: api.createContextKey('test key 2'),
          });
        } finally {
          for (const m of managers) m.disable();
        }
      },
      options,
    );
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Node, Deno and Bun have setImmediate; a page gets a setTimeout(0), which
// the case names say. `node:events` and the like are looked up only inside
// the tests, as cases/host-async.mjs explains (Deno's Node layer).
export const hasImmediate = typeof globalThis.setImmediate === 'function';
export const immediate = hasImmediate ? (fn) => globalThis.setImmediate(fn) : (fn) => setTimeout(fn, 0);
export const immediateName = hasImmediate ? 'setImmediate' : 'setImmediate → setTimeout 0';

const hasBuiltins = typeof globalThis.process === 'object' && 'getBuiltinModule' in globalThis.process;

// A real EventEmitter: Node's own where the host has node:events (found by
// import where getBuiltinModule is hidden, as async-context.mjs hides it),
// else the npm `events` package (3.3.0, Node's emitter for browsers) from
// js-tests/node_modules. It is CommonJS with no imports, so a page evaluates
// its source with a `module` of its own; a page whose policy forbids that
// bundles the package and hands its class over (csp/events.mjs).
let emitterClass;
export async function EventEmitterClass() {
  if (globalThis.__alsEventEmitter) return globalThis.__alsEventEmitter;
  if (hasBuiltins) return globalThis.process.getBuiltinModule('node:events').EventEmitter;
  if (typeof globalThis.process === 'object' && !globalThis.document) return (await import('node:events')).EventEmitter;
  emitterClass ??= (async () => {
    const response = await fetch('/node_modules/events/events.js');
    if (!response.ok) throw new Error(`the npm package events is not served: ${response.status}`);
    const module = { exports: {} };
    new Function('module', 'exports', await response.text())(module, module.exports);
    return module.exports.EventEmitter;
  })();
  return emitterClass;
}

// ZoneContextManager's bind(element) cases: a DOM element in a page, an
// EventTarget elsewhere; CustomEvent where the host has it (all do today).
export const element = () => (globalThis.document ? document.createElement('div') : new EventTarget());
export const click = () =>
  typeof CustomEvent === 'function'
    ? new CustomEvent('click', { bubbles: true, cancelable: false, composed: true })
    : new Event('click', { bubbles: true, cancelable: false, composed: true });

// equal() that describes OTel contexts by their test keys in its message,
// where JSON shows every context as the same `{}` (the API's
// createContextKey(name) is Symbol.for(name)).
const KEYS = ['test key 1', 'test key 2'];
const label = (v) => {
  if (typeof v?.getValue !== 'function') return typeof v === 'string' ? JSON.stringify(v) : String(v);
  const set = KEYS.filter((k) => v.getValue(Symbol.for(k)) !== undefined);
  return set.length ? `the context {${set.map((k) => `${k}: ${String(v.getValue(Symbol.for(k)))}`).join(', ')}}` : 'an empty context';
};
export function is(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${label(expected)}, got ${label(actual)}`);
  }
}
