// Where an implementation under test differs from Node 24 on purpose or by
// its host's nature: each named test must fail there (harness.mjs), so that a
// change is noticed. A suite picks its list with ALS_KNOWN=<key> (xtask sets
// it per suite; also run-fresh.mjs, whose cases may fail by ending their
// process).
export const KNOWN_FAILURES = {
  // Deno's own AsyncLocalStorage (the propagation groups run against it):
  // its exit() keeps the store across an await, Node's does not.
  'deno-own': [
    'propagation: nested runs and exit across awaits',
    'stress: random interleavings of 300 flows leak nothing',
  ],

  // The patch carrier forced on Deno: Deno's FileReader dispatches its own
  // events through dispatchEvent, untrusted, as a page's synthetic ones are,
  // so they run in the dispatcher's frame, Deno's root (docs/browser-carrier.md).
  'deno-patch': [
    'propagation: FileReader events run in the frame of readAs*()',
    'propagation: FileReader events run in the frame of readAs*() (over AsyncContext.Variable)',
    "propagation: a FileReader read that throws leaves the earlier read's events in their frame",
  ],

  // The native carrier on Deno, fresh realms: Deno's node:http runs a request
  // handler at the root, not in the store of listen() (docs/hosts.md).
  // An uncaught exception of a timer callback: Deno's error event runs with
  // no store (its unhandledrejection events keep the rejection's).
  'deno-native-fresh': [
    'servers: a request handler started inside a run keeps the store of listen()',
    'uncaught: an error listener runs in the frame the throwing callback left',
    'uncaught: 20 concurrent flows, each report in its own flow, none in another',
    'uncaught: an error listener never takes an exception that another flow threw again',
  ],

  // A bundle rewritten whole with als-wasm/plugin's `awaitHook: false`: the
  // global Promise is %Promise% again, so where `new Promise` or
  // Promise.reject rejects is not noted, and unhandledrejection listeners
  // run with no store there (docs/plugin.md); then-reactions keep theirs.
  // (Promise.prototype keeps the engine's then there: the cases of a then
  // called through call() check that directly, subject.mjs thenLeftToEngine.)
  'await-hook-off': [
    'uncaught: an unhandledrejection listener runs in the frame where the promise was rejected',
    'uncaught: a reject() that changes nothing does not move the rejection to its caller',
    'uncaught: 20 concurrent flows, each report in its own flow, none in another',
  ],

  // The scoped native carrier (workerd, AsyncContext): enterWith, withScope
  // and disable change the innermost run's cell, and each run nests host
  // frames (docs/hosts.md).
  scoped: [
    'api: 1000 nested runs',
    'api: enterWith on another storage inside run survives the run (as in Node)',
    'api: enterWith on another storage inside exit survives the exit (as in Node)',
    'api: disable of another storage inside run survives the run (as in Node)',
    'host: enterWith after an await does not leak to the caller',
    'api: a disable() after a nested run does not reach a snapshot taken before the run',
    'otel ALS: .attach() should attach and restore context via token.dispose()',
    'otel ALS: .attach() should support nested attach with token.dispose()',
    'otel ALS: .attach() should work with async operations [setImmediate]',
    'otel ALS: .attach() should interact correctly with .with()',
    'otel ALS: .attach() should maintain context across attach inside with()',
    'otel ALS: .attach() should work with bound functions after attach',
    'otel ALS: .attach() should handle multiple attach/dispose sequences',
    'otel ALS: .attach() should propagate context to promises after attach',
    'otel ALS: .attach() should not leak an attached context into a concurrent sibling async chain',
    'otel ALS: .attach() should work correctly when disabled',
  ],

  // The scoped native carrier, fresh realms: each case calls enterWith or
  // withScope outside every run(), which throws there (a store set there would
  // reach every other root task: fresh/outside-every-run.mjs), but for one,
  // the innermost-run difference above.
  'scoped-fresh': [
    'root: an enterWith in a root timer reaches its own later timer, not another root timer',
    'root: an enterWith after an await or inside then does not reach the awaiting caller',
    'root: an enterWith in a root then-callback does not reach another root then-callback',
    'root: an enterWith in a setInterval tick lasts for that tick only',
    'root: an enterWith in a root queueMicrotask callback does not reach the next one',
    'root: a root timer that throws after enterWith leaves nothing behind',
    'root: disable() in a root callback reaches neither the root nor other callbacks',
    'root: a withScope left open in a root timer does not reach another root timer',
    'host: 24 concurrent Service-Worker-style handlers each start with no store',
    'host: an enterWith in a root timer is gone when the next host event arrives',
    'host: an async handler that enters after its first await leaves nothing for the next handlers',
    'async: an enterWith after a hooked await stays in that async function',
    'host: a handler that throws after enterWith leaves nothing for the next one',
    "async: two root flows resuming after one promise do not see each other's enterWith",
    'async: a run with an enterWith of another storage inside, across awaits, from the root',
    'async: async generators consumed from the root keep each flow to itself',
    'async: an enterWith after await 5 does not reach another root flow after its await 5',
    'async: an enterWith after await 5 is gone by the next task',
    'engine-then: an enterWith in a root timer is not seen by a later reaction',
    'broadcast: messages run with no store, whoever posted them, and leave nothing behind',
    'stress: 300 flows started from root tasks with enterWith leak nothing',
  ],
};

// The names ALS_KNOWN=<key> lists (none when unset); an unknown key throws.
export function knownFailures(key) {
  if (!key) return new Set();
  const names = KNOWN_FAILURES[key];
  if (!names) throw new Error(`ALS_KNOWN=${key}: no such list in support/known-failures.mjs`);
  return new Set(names);
}
