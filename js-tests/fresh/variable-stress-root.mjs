// The stress flows (stress-flows.mjs) started from the root over TC39's
// AsyncContext.Variable (issue 14), the counterpart of stress-root.mjs: each
// flow begins in a root task of a random kind (a timer, a microtask, a
// then-callback, a host event) and enters with run(), as a Variable has no
// enterWith. The first read in each root task must be unset.
import { test } from '../harness.mjs';
import { AsyncContext } from '../impl.mjs';
import { contexts, flow, rng, seedFrom, verdict } from '../stress-flows.mjs';
import { ROOT_TASKS, rootTask } from './support.mjs';

// The storage shape stress-flows.mjs drives, over a Variable.
function variableStorage() {
  const variable = new AsyncContext.Variable();
  return {
    getStore: () => variable.get(),
    run: (store, fn) => variable.run(store, fn),
    exit: (fn) => variable.run(undefined, fn),
  };
}

if (AsyncContext) {
  test('stress: 300 flows started from root tasks with run leak nothing (over AsyncContext.Variable)', async () => {
    const seed = seedFrom();
    const random = rng(seed);
    const storage = variableStorage();
    const ctxs = contexts(seed, storage, variableStorage());
    await Promise.all(
      ctxs.map((ctx) => {
        const kind = ROOT_TASKS[Math.floor(random() * ROOT_TASKS.length)];
        return rootTask(kind, Math.floor(random() * 3), () => {
          const first = storage.getStore();
          if (first !== undefined) {
            ctx.stats.leaked++;
            ctx.stats.leaks.push(`flow ${ctx.id} began with flow ${first.id}'s store`);
          }
          return storage.run(ctx.store, () => flow(ctx));
        });
      }),
    );
    verdict('stress from the root over AsyncContext.Variable', seed, ctxs);
  });
}
