// The current context of this realm, shared by the Rust core, the JS API and
// host propagation. A frame is { k: keys, v: values }: storage keys (numbers
// from the Rust core) and their stores, side by side. A frame is never changed
// once made, with one exception that Node 24 has too: disable() deletes its
// entry from the current frame in place, so everything sharing that frame
// (snapshots, resources) loses the store as well.

// The root frame: no stores. Every job the host starts begins here.
export const ROOT = { k: [], v: [] };
let current = ROOT;

export function currentFrame() {
  return current;
}

export function swapFrame(next) {
  const previous = current;
  current = next;
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
  const { k, v } = current;
  for (let i = 0; i < k.length; i++) if (k[i] === key) return v[i];
  return fallback;
}

export function has(key) {
  return current.k.indexOf(key) >= 0;
}

export function enterWith(key, value) {
  current = derive(current, key, value);
}

// Runs fn(...args) in `frame`, restoring the previous frame afterwards.
export function runInFrame(frame, fn, thisArg, args) {
  const previous = current;
  current = frame;
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    current = previous;
  }
}

// How many times disable() changed a frame in place.
export let removals = 0;

// True when leaving a run() that began in the root frame and changed
// nothing but its own entry: the root frame can come back as it is, which
// keeps code after the run free of carrier work. `removalsAtEntry` is
// `removals` when the run began (a disable() may change `entered` in place).
export function canReturnToRoot(before, entered, removalsAtEntry) {
  return before === ROOT && current === entered && removals === removalsAtEntry;
}

export function remove(key) {
  const i = current.k.indexOf(key);
  if (i >= 0) {
    current.k.splice(i, 1);
    current.v.splice(i, 1);
    removals++;
  }
}

// Rust stores ride in frames as { handle, id }; the Rust core maps id -> value.
export function enterWithValue(key, handle, id) {
  const previous = current;
  current = derive(previous, key, { handle, id });
  return previous;
}

export function rustStoreId(key) {
  const entry = lookup(key, undefined);
  return entry === undefined ? 0 : entry.id;
}
