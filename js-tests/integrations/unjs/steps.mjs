// The random steps of one flow (a page's flow or a Service Worker's
// request), shared by the unjs page and the Hono Service Worker: native
// awaits, fetches to the local server, timers and events. Each step answers
// what `read()` (the library's own accessor: getStore(), tryUse(),
// getContext()) gives after it, read where the library's user would read it:
// after the await, or inside the callback.
import { rng } from '../../support/random.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A request to serve.mjs answered after `ms`.
const slow = (ms) => `/echo-traceparent?delay=${ms}`;

// name -> (read, ms) => Promise of what read() gave.
export const STEPS = {
  'await settled promise': async (read) => {
    await Promise.resolve(1);
    return read();
  },
  'await timer': async (read, ms) => {
    await sleep(ms);
    return read();
  },
  'setTimeout callback': (read, ms) => new Promise((resolve) => setTimeout(() => resolve(read()), ms)),
  'await fetch and body': async (read, ms) => {
    const response = await fetch(slow(ms));
    await response.json();
    return read();
  },
  'fetch then': (read, ms) => fetch(slow(ms)).then((r) => r.text()).then(() => read()),
  'await Promise.all of fetch and timer': async (read, ms) => {
    await Promise.all([fetch(slow(ms)).then((r) => r.text()), sleep(ms >> 1)]);
    return read();
  },
  'nested async function': async (read, ms) => {
    const inner = async () => {
      await sleep(ms >> 1);
      await (await fetch(slow(ms >> 1))).text();
      return read();
    };
    return inner();
  },
  'await crypto.subtle': async (read) => {
    await crypto.subtle.digest('SHA-256', new Uint8Array(16));
    return read();
  },
  'queueMicrotask callback': (read) => new Promise((resolve) => queueMicrotask(() => resolve(read()))),
  'EventTarget listener, dispatched from a timer': (read, ms) =>
    new Promise((resolve) => {
      const target = new EventTarget();
      target.addEventListener('step', () => resolve(read()), { once: true });
      setTimeout(() => target.dispatchEvent(new Event('step')), ms);
    }),
  'MessageChannel message': (read) =>
    new Promise((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port2.onmessage = () => {
        port1.close();
        port2.close();
        resolve(read());
      };
      port1.postMessage('step');
    }),
};

const NAMES = Object.keys(STEPS);

// The steps of flow `id` under `seed`, with their delays: the same plan
// whichever order the flows happen to resume in.
export function planFor(seed, id, rounds) {
  const random = rng(seed * 1000 + id);
  return Array.from({ length: rounds }, () => ({ step: NAMES[Math.floor(random() * NAMES.length)], ms: Math.floor(random() * 25) }));
}

// Runs the plan in the current context: a check before any await, then one
// after each step. Answers [{ step, seen }].
export async function runPlan(plan, read) {
  const seen = [{ step: 'before any await', seen: read() }];
  for (const { step, ms } of plan) seen.push({ step, seen: await STEPS[step](read, ms) });
  return seen;
}

// Counts the checks of flow `id` into `counts`: kept (its own id), lost
// (nothing), leaked (another flow's id); `afterAwait` the same for every
// check but the first.
export function tally(counts, id, seen) {
  for (const [i, { step, seen: got }] of seen.entries()) {
    const verdict = got === id ? 'kept' : got === undefined || got === null ? 'lost' : 'leaked';
    counts.checks++;
    counts[verdict]++;
    if (i > 0) counts.afterAwait[verdict]++;
    if (verdict === 'leaked' && counts.leaks.length < 5) counts.leaks.push(`flow ${id} saw ${got} after ${step}`);
  }
  return counts;
}

export const emptyCounts = () => ({ checks: 0, kept: 0, lost: 0, leaked: 0, afterAwait: { kept: 0, lost: 0, leaked: 0 }, leaks: [] });

// `count` concurrent flows, each started from a timer of its own (so that
// they interleave) by `start(id, body)`, which runs body in the library's
// context for `id`.
export async function concurrentFlows({ count, rounds, seed, start, read }) {
  const counts = emptyCounts();
  const random = rng(seed);
  await Promise.all(Array.from({ length: count }, (_, i) => new Promise((resolve, reject) => {
    const id = i + 1;
    setTimeout(() => {
      Promise.resolve(start(id, () => runPlan(planFor(seed, id, rounds), read)))
        .then((seen) => resolve(tally(counts, id, seen)), reject);
    }, Math.floor(random() * 5));
  })));
  return counts;
}
