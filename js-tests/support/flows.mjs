// Concurrent flows for propagation tests: each flow runs in its own store and
// records what getStore() answers at each checkpoint. A checkpoint that sees
// another flow's store is a leak; one that sees nothing is a loss.
import { AssertionError } from './harness.mjs';
import { AsyncLocalStorage } from './subject.mjs';

export const storage = new AsyncLocalStorage();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Runs body(id, check) in `count` concurrent flows; check(label) records what
// the flow sees. Resolves to the list of { id, label, seen }.
export async function flows(count, body) {
  const seen = [];
  const check = (id, label) => seen.push({ id, label, seen: storage.getStore()?.id });
  await Promise.all(
    Array.from({ length: count }, (_, i) => storage.run({ id: i + 1 }, () => body(i + 1, (label) => check(i + 1, label)))),
  );
  return seen;
}

// Every checkpoint saw its own flow's store.
export function allKept(seen, expected) {
  if (expected !== undefined && seen.length !== expected) {
    throw new AssertionError(`expected ${expected} checkpoints, got ${seen.length}`);
  }
  const wrong = seen.filter((s) => s.seen !== s.id);
  if (wrong.length) throw new AssertionError(`not kept: ${describe(wrong)}`);
}

// No checkpoint saw another flow's store (losses allowed).
export function noLeaks(seen) {
  const leaked = seen.filter((s) => s.seen !== undefined && s.seen !== s.id);
  if (leaked.length) throw new AssertionError(`leaked: ${describe(leaked)}`);
}

function describe(list) {
  return list.slice(0, 5).map((s) => `flow ${s.id} at ${s.label} saw ${s.seen ?? 'nothing'}`).join('; ');
}

// Resolves when `count` calls of the returned function happened.
export function countdown(count) {
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  return { tick: () => --count === 0 && done(), finished };
}
