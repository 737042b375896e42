// Seeded randomized interleaving stress: 300 concurrent flows of
// random steps (stress-flows.mjs), each started from a timer inside its own
// run(), must leak nothing.
import { test, equal } from '../support/harness.mjs';
import { AsyncContext, AsyncLocalStorage } from '../support/subject.mjs';
import { contexts, flow, rng, seedFrom, variableStorage, verdict } from '../support/stress-flows.mjs';

// The same flows over TC39's AsyncContext.Variable: same steps,
// so the same losses as AsyncLocalStorage where the carrier has them.
const storages = [['', () => new AsyncLocalStorage()]];
if (AsyncContext) storages.push([' over AsyncContext.Variable', variableStorage]);

for (const [over, make] of storages) test(`stress: random interleavings of 300 flows${over} leak nothing`, async () => {
  const seed = seedFrom();
  const random = rng(seed);
  const storage = make();
  const ctxs = contexts(seed, storage, make());
  // Flows start at random times, from timers, so they truly interleave.
  await Promise.all(
    ctxs.map((ctx) =>
      new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 3))).then(() =>
        storage.run(ctx.store, () => flow(ctx)),
      ),
    ),
  );
  verdict(`stress${over}`, seed, ctxs);
  equal(storage.getStore(), undefined);
});
