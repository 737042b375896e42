// The simulated traffic, drawn from a seed: when each request arrives and
// which steps its handler takes, with their delays. Pure data, so every realm
// (and the end-to-end test) derives the same plan and the same line count.
import { mulberry32 } from '../rng.js';

// How many lines each step logs (requests.js logs exactly these).
export const LINES_PER_STEP = {
  sleep: 1, // await a timer promise
  fetch: 1, // await fetch('/api/delay?ms=N')
  setTimeout: 1, // a setTimeout callback
  queueMicrotask: 1, // a queueMicrotask callback
  then: 2, // a fetch(…).then(…).then(…) chain
  all: 3, // Promise.all of a timer branch and a fetch branch
  service: 3, // a nested async helper ("a service layer")
};
const KINDS = Object.keys(LINES_PER_STEP);

export function planRequests(seed, count) {
  return Array.from({ length: count }, (_, id) => {
    // A generator per request: request 7 is the same whatever the count.
    const rng = mulberry32(seed ^ Math.imul(id + 1, 0x9e3779b1));
    const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
    const steps = Array.from({ length: int(3, 6) }, () => ({
      kind: KINDS[int(0, KINDS.length - 1)],
      ms: int(0, 80),
      fetchMs: int(10, 150),
    }));
    return { id, arriveMs: int(0, 200), steps };
  });
}

// 'start' and 'finish' around each request's steps.
export function expectedLines(plan) {
  return plan.reduce((n, r) => n + 2 + r.steps.reduce((m, s) => m + LINES_PER_STEP[s.kind], 0), 0);
}
