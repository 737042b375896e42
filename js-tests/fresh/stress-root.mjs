// The stress flows (stress-flows.mjs) started from the root: each flow
// begins in a root task of a random kind (a timer, a microtask, a
// then-callback, a host event) with enterWith, no run() around it.
import { test } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';
import { contexts, flow, rng, seedFrom, verdict } from '../support/stress-flows.mjs';
import { flowsFromRootTasks } from './support.mjs';

test('stress: 300 flows started from root tasks with enterWith leak nothing', async () => {
  const seed = seedFrom();
  const random = rng(seed);
  const storage = new AsyncLocalStorage();
  const ctxs = contexts(seed, storage, new AsyncLocalStorage());
  await flowsFromRootTasks(random, storage, ctxs, (ctx) => {
    storage.enterWith(ctx.store);
    return flow(ctx);
  });
  verdict('stress from the root', seed, ctxs);
});
