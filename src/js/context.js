// The current context of this realm, shared by the Rust core, the JS API and
// host propagation. A frame is { k: keys, v: values }: storage keys (numbers
// from the Rust core) and their stores, side by side. A frame is never changed
// once made, with one exception that Node 24 has too: disable() deletes its
// entry from the current frame in place, so everything sharing that frame
// (snapshots, resources) loses the store as well.

// The root frame: no stores. Every job the host starts begins here.
export const ROOT = { k: [], v: [] };

// Where the current frame lives. By default in this module (the patch
// carrier makes it follow async work); carryIn() moves it into a host's own
// variable, which the host carries across every async hop by itself.
let current = ROOT;
let read = () => current;
let write = (frame) => {
  current = frame;
};

// The native carrier: `slot` is one host AsyncLocalStorage whose store is the
// frame. Its enterWith is Node 24's frame switch, so run() and every swap
// below keep Node's rules on the host that knows them.
export function carryIn(slot) {
  read = () => slot.getStore() ?? ROOT;
  write = (frame) => slot.enterWith(frame);
}

// Hosts whose carrier can only scope a value to a callback (workerd's
// AsyncLocalStorage has no enterWith; TC39's AsyncContext.Variable neither):
// the host carries a cell, each run() gets a new one, and enterWith changes
// the cell of the innermost run. `host` has run(value, fn) and get().
export let scopedOnly = false;
let enterScope = null;

export function carryInScopes(host) {
  const top = { frame: ROOT };
  const cell = () => host.get() ?? top;
  read = () => cell().frame;
  write = (frame) => {
    cell().frame = frame;
  };
  enterScope = (frame, fn) => host.run({ frame }, fn);
  scopedOnly = true;
}

export function currentFrame() {
  return read();
}

export function swapFrame(next) {
  const previous = read();
  write(next);
  return previous;
}

// A copy of `frame` with `key` set to `value`.
export function derive(frame, key, value) {
  const k = frame.k.slice();
  const v = frame.v.slice();
  let i = k.indexOf(key);
  if (i < 0) i = k.push(key) - 1;
  v[i] = value;
  return { k, v };
}

// The store of `key` in the current frame, or `fallback` when it has none.
export function lookup(key, fallback) {
  const { k, v } = read();
  for (let i = 0; i < k.length; i++) if (k[i] === key) return v[i];
  return fallback;
}

export function has(key) {
  return read().k.indexOf(key) >= 0;
}

export function enterWith(key, value) {
  write(derive(read(), key, value));
}

// Runs fn(...args) in `frame`, restoring the previous frame afterwards.
export function runInFrame(frame, fn, thisArg, args) {
  if (enterScope !== null) return enterScope(frame, () => Reflect.apply(fn, thisArg, args));
  const previous = read();
  write(frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    write(previous);
  }
}

// How many times disable() changed a frame in place.
export let removals = 0;

// True when leaving a run() that began in the root frame and changed
// nothing but its own entry: the root frame can come back as it is, which
// keeps code after the run free of carrier work. `removalsAtEntry` is
// `removals` when the run began (a disable() may change `entered` in place).
export function canReturnToRoot(before, entered, removalsAtEntry) {
  return before === ROOT && read() === entered && removals === removalsAtEntry;
}

export function remove(key) {
  const { k, v } = read();
  const i = k.indexOf(key);
  if (i >= 0) {
    k.splice(i, 1);
    v.splice(i, 1);
    removals++;
  }
}

// Rust stores ride in frames as { handle, id }; the Rust core maps id -> value.
export function enterWithValue(key, handle, id) {
  const previous = read();
  write(derive(previous, key, { handle, id }));
  return previous;
}

export function rustStoreId(key) {
  const entry = lookup(key, undefined);
  return entry === undefined ? 0 : entry.id;
}
