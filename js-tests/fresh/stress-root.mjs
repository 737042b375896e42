// The stress flows (stress-flows.mjs) started from the root: each flow
// begins in a root task of a random kind (a timer, a microtask, a
// then-callback, a host event) with enterWith, no run() around it.
import { test, equal } from '../harness.mjs';
import { AsyncLocalStorage } from '../impl.mjs';
import { contexts, flow, rng, seedFrom, verdict } from '../stress-flows.mjs';
import { ROOT_TASKS, rootTask } from './support.mjs';

test('stress: 300 flows started from root tasks with enterWith leak nothing', async () => {
  const seed = seedFrom();
  const random = rng(seed);
  const storage = new AsyncLocalStorage();
  const ctxs = contexts(seed, storage, new AsyncLocalStorage());
  await Promise.all(
    ctxs.map((ctx) => {
      const kind = ROOT_TASKS[Math.floor(random() * ROOT_TASKS.length)];
      return rootTask(kind, Math.floor(random() * 3), () => {
        const first = storage.getStore();
        if (first !== undefined) {
          ctx.stats.leaked++;
          ctx.stats.leaks.push(`flow ${ctx.id} began with flow ${first.id}'s store`);
        }
        storage.enterWith(ctx.store);
        return flow(ctx);
      });
    }),
  );
  verdict('stress from the root', seed, ctxs);
});
