// The current context of this realm, shared by the Rust core, the JS API and
// host propagation. A frame is one flat array [key, store, key, store, …]:
// storage keys (numbers from nextKey) each followed by its store; one
// allocation per run, and a lookup is a scan of a few slots. A frame's
// entries never change once made, with one exception that Node 24 has too:
// disable() deletes its entry from the current frame in place, so everything
// sharing that frame (snapshots, resources) loses the store as well. (The
// patch carrier caches a closure on a frame as `frame.enter`.)

// One context per realm, shared by every copy of als-wasm loaded into it (two
// bundles, or a Rust app's own wasm beside the npm package): all copies read
// and switch one current frame, take keys from one counter, and one carrier
// (the first installed) carries that frame for all of them.
// The symbol's version names the shape of the object below, so that copies
// that read or write it differently (this one counts frame switches in the
// default write) never share one.
const REALM = Symbol.for('als-wasm.context.v5');
const realm = globalThis[REALM] ?? newRealmContext();

function newRealmContext() {
  const root = [];
  const context = {
    // The root frame: no stores. Every job the host starts begins here.
    root,
    current: root,
    // Where the current frame lives: by default in `current` (the patch
    // carrier makes it follow async work); carryIn() moves it into a host's
    // own variable, which the host carries across every async hop by itself.
    read: () => context.current,
    write: (frame) => {
      context.current = frame;
      context.switches++;
    },
    // Frame switches so far (the patch carrier's, which keeps the frame
    // here): the carrier tells by it that no job of its own started since
    // a marker job (carrier/promise.js, handOut).
    switches: 0,
    // Set for hosts that can only scope a value to a callback (below).
    enterScope: null,
    outsideEveryScope: null,
    // Set by the patch carrier: called after a frame was installed that no
    // scope of this call restores (enterWith; a run that left another
    // storage's change behind), so that where no carrier job encloses the
    // call either, the frame cannot outlive its job (carrier/promise.js
    // queues a job back to the root).
    leftBehind: null,
    // Set by the patch carrier: the promise internals that code rewritten by
    // als-wasm/plugin needs (carrier/plugin-hooks.js, built only where that
    // code is bundled).
    promiseInternals: null,
    // Set by the patch carrier: called with an exception that a callback
    // the host calls threw, and the frame it left, before the host reports
    // it (carrier/uncaught.js).
    uncaught: null,
    // Set by the patch carrier: called with the promise an async function
    // answered to run(), and the frame it runs in (carrier/uncaught.js).
    asyncRun: null,
    carrier: null,
    nextKey: 1,
    // How many times disable() changed a frame in place.
    removals: 0,
  };
  Object.defineProperty(globalThis, REALM, { value: context });
  return context;
}

export const ROOT = realm.root;

// Installs a carrier unless the realm has one; answers the realm's carrier.
export function claimCarrier(name, install) {
  if (realm.carrier === null) {
    install();
    realm.carrier = name;
  }
  return realm.carrier;
}

// The native carrier: `slot` is one host AsyncLocalStorage whose store is the
// frame. Its enterWith is Node 24's frame switch, so run() and every swap
// below keep Node's rules on the host that knows them.
export function carryIn(slot) {
  realm.read = () => slot.getStore() ?? ROOT;
  realm.write = (frame) => slot.enterWith(frame);
}

// Hosts whose carrier can only scope a value to a callback (workerd's
// AsyncLocalStorage has no enterWith; TC39's AsyncContext.Variable neither):
// the host carries a cell, each run() gets a new one, and enterWith changes
// the cell of the innermost run. `host` has run(value, fn) and get().
// Outside every run the top cell is shared by every task of the realm (all
// of a workerd isolate's requests): only writes that the same synchronous
// call takes back (Rust's run, a future's poll) may go there. enterWith and
// withScope throw there (api.js), and a scope disposed after its run ended
// changes nothing (enterWith below).
export function carryInScopes(host) {
  const top = { frame: ROOT };
  const cell = () => host.get() ?? top;
  realm.read = () => cell().frame;
  realm.write = (frame) => {
    cell().frame = frame;
  };
  realm.enterScope = (frame, fn) => host.run({ frame }, fn);
  realm.outsideEveryScope = () => host.get() === undefined;
}

// True where enterWith cannot be honoured without reaching other tasks: on a
// scoped carrier, outside every run().
export function outsideEveryScope() {
  return realm.outsideEveryScope?.() === true;
}

export function scopedOnly() {
  return realm.enterScope !== null;
}

// A storage identity, unique in this realm across copies.
export function nextKey() {
  const key = realm.nextKey;
  realm.nextKey = key >= 0xffffffff ? 1 : key + 1;
  return key;
}

export function currentFrame() {
  return realm.read();
}

export function frameSwitches() {
  return realm.switches;
}

export function swapFrame(next) {
  const previous = realm.read();
  realm.write(next);
  return previous;
}

// Where `key` sits in `frame` (an even index), or -1.
function slotOf(frame, key) {
  for (let i = 0; i < frame.length; i += 2) if (frame[i] === key) return i;
  return -1;
}

// A copy of `frame` with `key` set to `value`.
export function derive(frame, key, value) {
  const next = frame.slice();
  const i = slotOf(frame, key);
  if (i < 0) next.push(key, value);
  else next[i + 1] = value;
  return next;
}

// The store of `key` in `frame`, or `fallback` when it has none. getStore's
// path: it scans by itself, since going through slotOf cost getStore about
// a tenth more (3.8 vs 3.4 ns in Node 20).
export function storeIn(frame, key, fallback) {
  for (let i = 0; i < frame.length; i += 2) if (frame[i] === key) return frame[i + 1];
  return fallback;
}

// The store of `key` in the current frame, or `fallback` when it has none.
export function lookup(key, fallback) {
  return storeIn(realm.read(), key, fallback);
}

export function has(key) {
  return slotOf(realm.read(), key) >= 0;
}

export function enterWith(key, value) {
  if (outsideEveryScope()) return;
  leave(derive(realm.read(), key, value));
}

// Installs `frame` for the rest of the current job: nothing restores it, so
// the patch carrier is told (`leftBehind`).
function leave(frame) {
  realm.write(frame);
  if (realm.leftBehind !== null) realm.leftBehind();
}

export function onLeftBehind(fn) {
  realm.leftBehind = fn;
}

// The patch carrier's promise internals, whichever copy installed it; null
// where the carrier is native (the host then carries every await itself).
export function promiseInternals() {
  return realm.promiseInternals ?? null;
}

export function providePromiseInternals(internals) {
  realm.promiseInternals = internals;
}

// Runs fn(...args) in `frame`, restoring the previous frame afterwards.
// `hostCalls`: the host calls fn and reports what it throws (an `error`
// event), so an exception is noted with the frame it left for that report.
export function runInFrame(frame, fn, thisArg, args, hostCalls = false) {
  if (realm.enterScope !== null) return realm.enterScope(frame, () => Reflect.apply(fn, thisArg, args));
  const previous = realm.read();
  realm.write(frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } catch (error) {
    if (hostCalls && realm.uncaught !== null) realm.uncaught(error, realm.read());
    throw error;
  } finally {
    realm.write(previous);
  }
}

export function onUncaught(fn) {
  realm.uncaught = fn;
}

// After run() called an async function (a promise of its own, made by this
// call): where it is rejected, it is rejected in the run's frame, so the
// carrier notes it.
export function ranAsync(callback, result, frame) {
  if (realm.asyncRun !== null && isAsyncFunction(callback)) realm.asyncRun(result, frame);
}

// A Proxy's trap may throw: run() returned already, so that is a no.
function isAsyncFunction(fn) {
  try {
    return fn[Symbol.toStringTag] === 'AsyncFunction';
  } catch {
    return false;
  }
}

export function onAsyncRun(fn) {
  realm.asyncRun = fn;
}

// Node 24's run() on frames, in two halves around the callback, which the
// caller calls itself: one JS frame less per nested run than a helper that
// calls it, so a worker's smaller stack still holds Node's nesting depth.
// enterRun makes `entered` current and answers a mark for exitRun.
export function enterRun(entered) {
  const removalsAtEntry = realm.removals;
  realm.write(entered);
  return removalsAtEntry;
}

// After a run of `key` that began in `before` with `prior` as its store: if
// the callback changed nothing else, the frame it began in comes back: the
// root itself (code after a top-level run stays free of carrier work), else
// a copy, because Node's run() leaves a new frame and disable() edits frames
// in place (a snapshot taken before the run must not lose a store to a
// disable() after it). If the callback changed the context (another
// storage's enterWith, a disable()), only `key` goes back to `prior`, in the
// frame the callback left.
export function exitRun(before, entered, key, prior, mark) {
  const last = realm.read();
  if (last === entered && realm.removals === mark) realm.write(before === ROOT ? ROOT : before.slice());
  else leave(derive(last, key, prior));
}

export function remove(key) {
  const frame = realm.read();
  const i = slotOf(frame, key);
  if (i >= 0) {
    frame.splice(i, 2);
    realm.removals++;
  }
}

// Rust stores ride in frames as { handle, id }; the Rust core maps id -> value.
export function enterWithValue(key, handle, id) {
  const previous = realm.read();
  realm.write(derive(previous, key, { handle, id }));
  return previous;
}

export function rustStoreId(key) {
  const entry = lookup(key, undefined);
  return entry === undefined ? 0 : entry.id;
}
