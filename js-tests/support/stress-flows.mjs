// The random flows of the stress tests (cases/stress.mjs, and
// fresh/stress-root.mjs for flows started from the root): hundreds of
// concurrent flows, each a random program of awaits, thens, timers,
// microtasks, nested runs, exits, `await 5` and thenables, checking the
// store after every step. A check that sees another flow's store is a leak:
// there must be none. A check that sees nothing is a loss, counted by the
// step that lost it (only the documented limits may lose); the flow then
// re-enters its store.
// Seed: ALS_STRESS_SEED (env) or ?seed= (page); otherwise random, printed.
import { equal, AssertionError } from './harness.mjs';
import { AsyncContext, exact } from './subject.mjs';
import { rng } from './random.mjs';

export { rng };
const FLOWS = 300;
const STEPS = 360; // 300 x 360 > 1e5 checks
// Steps the patch carrier cannot follow (lost, never leaked); exact carriers lose nothing.
const LOSSY = new Set(exact ? [] : ['await 5', 'await thenable']);

export function seedFrom() {
  const fromEnv = globalThis.process?.env?.ALS_STRESS_SEED ?? globalThis.Deno?.env?.get?.('ALS_STRESS_SEED');
  const fromPage = globalThis.location ? new URL(globalThis.location.href).searchParams.get('seed') : null;
  const given = fromEnv ?? fromPage;
  return given ? Number(given) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
}

const waiting = [];
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

// Each step answers what getStore() saw at its end: after its own awaits, or
// inside the callback the host ran.
const steps = {
  'await settled': async (ctx) => {
    await Promise.resolve(1);
    return ctx.storage.getStore();
  },
  'await pending (timer)': async (ctx) => {
    await tick();
    return ctx.storage.getStore();
  },
  'await pending (microtask)': async (ctx) => {
    await new Promise((resolve) => queueMicrotask(resolve));
    return ctx.storage.getStore();
  },
  'then chain': (ctx) =>
    Promise.resolve(1)
      .then((v) => v + 1)
      .then(() => ctx.storage.getStore()),
  'setTimeout callback': (ctx) => new Promise((resolve) => setTimeout(() => resolve(ctx.storage.getStore()), 0)),
  'queueMicrotask callback': (ctx) => new Promise((resolve) => queueMicrotask(() => resolve(ctx.storage.getStore()))),
  'Promise.all': async (ctx) => {
    await Promise.all([tick(), Promise.resolve(2), new Promise((r) => queueMicrotask(r))]);
    return ctx.storage.getStore();
  },
  'rejection caught': async (ctx) => {
    try {
      await Promise.reject(new Error('x'));
    } catch {
      return ctx.storage.getStore();
    }
  },
  'async generator': async (ctx) => {
    async function* gen() {
      yield 1;
      await tick();
      yield ctx.storage.getStore();
    }
    let last;
    for await (const seen of gen()) last = seen;
    return last === ctx.storage.getStore() ? last : undefined;
  },
  'nested run': async (ctx) => {
    await ctx.inner.run(ctx.id, async () => {
      await Promise.resolve();
      if (ctx.inner.getStore() !== ctx.id) ctx.innerWrong++;
    });
    return ctx.storage.getStore();
  },
  exit: async (ctx) => {
    await ctx.storage.exit(async () => {
      await Promise.resolve();
      if (ctx.storage.getStore() !== undefined) ctx.exitWrong++;
    });
    return ctx.storage.getStore();
  },
  // Another flow resolves this flow's promise (or a timer does, first).
  'await promise resolved by another flow': async (ctx) => {
    const mine = new Promise((resolve) => {
      waiting.push(resolve);
      setTimeout(resolve, 2);
    });
    if (waiting.length > 1) waiting.shift()();
    await mine;
    return ctx.storage.getStore();
  },
  'await 5': async (ctx) => {
    await 5;
    return ctx.storage.getStore();
  },
  'await thenable': async (ctx) => {
    await { then: (resolve) => resolve(1) };
    return ctx.storage.getStore();
  },
};
const kinds = Object.keys(steps);

// After a wrong step the flow takes its store back: with enterWith, or, for
// a storage that has none (an AsyncContext.Variable), by running the rest of
// the flow inside run().
export async function flow(ctx, from = 0) {
  const { storage, store, random } = ctx;
  for (let i = from; i < STEPS; i++) {
    const kind = kinds[Math.floor(random() * kinds.length)];
    const seen = await steps[kind](ctx);
    ctx.stats.checks++;
    if (seen === store) {
      ctx.stats.kept++;
      continue;
    }
    if (seen === undefined) {
      ctx.stats.lost[kind] = (ctx.stats.lost[kind] ?? 0) + 1;
    } else {
      ctx.stats.leaked++;
      ctx.stats.leaks.push(`flow ${ctx.id} after "${kind}" saw flow ${seen?.id}`);
    }
    if (typeof storage.enterWith !== 'function') return storage.run(store, () => flow(ctx, i + 1));
    storage.enterWith(store);
  }
}

// The storage shape the flows drive, over TC39's AsyncContext.Variable:
// it has no enterWith, so a flow re-enters its store with run().
export function variableStorage() {
  const variable = new AsyncContext.Variable();
  return {
    getStore: () => variable.get(),
    run: (store, fn) => variable.run(store, fn),
    exit: (fn) => variable.run(undefined, fn),
  };
}

// The flows' contexts: flow i keeps { id: i } in `storage`.
export function contexts(seed, storage, inner, count = FLOWS) {
  const stats = { checks: 0, kept: 0, leaked: 0, lost: {}, leaks: [] };
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1, storage, inner, store: { id: i + 1 }, stats, innerWrong: 0, exitWrong: 0,
    random: rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0),
  }));
}

// Prints the counts and fails on any leak, on a loss after a hooked step, or
// on a wrong nested store.
export function verdict(name, seed, ctxs) {
  const { stats } = ctxs[0];
  const innerWrong = ctxs.reduce((n, ctx) => n + ctx.innerWrong, 0);
  const exitWrong = ctxs.reduce((n, ctx) => n + ctx.exitWrong, 0);
  const lost = Object.values(stats.lost).reduce((a, b) => a + b, 0);
  console.log(
    `${name} seed=${seed}: ${stats.checks} checks, kept ${stats.kept}, lost ${lost} ${JSON.stringify(stats.lost)}, leaked ${stats.leaked}`,
  );
  globalThis.__alsStress = { seed, checks: stats.checks, kept: stats.kept, lost: stats.lost, leaked: stats.leaked };
  if (stats.leaked) throw new AssertionError(`${stats.leaked} leaks (seed ${seed}): ${stats.leaks.slice(0, 5).join('; ')}`);
  const unexpected = Object.keys(stats.lost).filter((k) => !LOSSY.has(k));
  if (unexpected.length) throw new AssertionError(`lost after hooked steps (seed ${seed}): ${JSON.stringify(stats.lost)}`);
  equal(innerWrong, 0, 'nested run store wrong after await');
  equal(exitWrong, 0, 'exit showed a store after await');
  equal(stats.checks, ctxs.length * STEPS);
}
