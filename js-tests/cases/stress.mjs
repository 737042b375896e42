// Seeded randomized interleaving stress (issue 3): 300 concurrent flows of
// random steps (stress-flows.mjs), each started from a timer inside its own
// run(), must leak nothing.
import { test, equal } from '../harness.mjs';
import { AsyncLocalStorage } from '../impl.mjs';
import { contexts, flow, rng, seedFrom, verdict } from '../stress-flows.mjs';

test('stress: random interleavings of 300 flows leak nothing', async () => {
  const seed = seedFrom();
  const random = rng(seed);
  const storage = new AsyncLocalStorage();
  const ctxs = contexts(seed, storage, new AsyncLocalStorage());
  // Flows start at random times, from timers, so they truly interleave.
  await Promise.all(
    ctxs.map((ctx) =>
      new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 3))).then(() =>
        storage.run(ctx.store, () => flow(ctx)),
      ),
    ),
  );
  verdict('stress', seed, ctxs);
  equal(storage.getStore(), undefined);
});
