// The stress flows (stress-flows.mjs) started from the root over TC39's
// AsyncContext.Variable, the counterpart of stress-root.mjs: each
// flow begins in a root task of a random kind (a timer, a microtask, a
// then-callback, a host event) and enters with run(), as a Variable has no
// enterWith. The first read in each root task must be unset.
import { test } from '../support/harness.mjs';
import { AsyncContext } from '../support/subject.mjs';
import { contexts, flow, rng, seedFrom, variableStorage, verdict } from '../support/stress-flows.mjs';
import { flowsFromRootTasks } from './support.mjs';

if (AsyncContext) {
  test('stress: 300 flows started from root tasks with run leak nothing (over AsyncContext.Variable)', async () => {
    const seed = seedFrom();
    const random = rng(seed);
    const storage = variableStorage();
    const ctxs = contexts(seed, storage, variableStorage());
    await flowsFromRootTasks(random, storage, ctxs, (ctx) => storage.run(ctx.store, () => flow(ctx)));
    verdict('stress from the root over AsyncContext.Variable', seed, ctxs);
  });
}
