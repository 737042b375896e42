// Seeded randomized differential test: the same random programs of nested
// run/exit/enterWith/disable/snapshot/bind/withScope/AsyncResource steps over
// three storages (one with a defaultValue) run on als-wasm and on Node's
// node:async_hooks; getStore() of every storage after every step must match.
// Only meaningful in Node 24.
//   node differential.mjs [--seed=N] [--programs=N] [--steps=N] [--skip-same=1] [--skip-cross=1]
import { test, run } from '../support/harness.mjs';
import * as wasm from 'als-wasm';
import * as node from 'node:async_hooks';
import { rng } from '../support/random.mjs';

const argv = globalThis.process?.argv ?? [];
const opt = (name, dflt) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  const env = globalThis.process?.env?.[`DIFF_${name.toUpperCase()}`];
  return Number(hit ? hit.slice(name.length + 3) : env ?? dflt);
};
const SEED = opt('seed', Date.now() % 2 ** 31);
const PROGRAMS = opt('programs', 300);
const STEPS = opt('steps', 60); // top-level budget per program
// --skip-same=1: never call run/exit with the store already current (Node's
// no-new-scope shortcut), to look for divergences other than that one.
const SKIP_SAME = opt('skip-same', 0) === 1;
// --skip-cross=1: skip enterWith/disable/withScope/dispose on a storage while
// inside run/exit of a different storage (Node's run/exit restore only their
// own storage, so such changes survive the run in Node), for the same reason.
const SKIP_CROSS = opt('skip-cross', 0) === 1;

// ---- program generation (impl-independent) ----
const VALUES = [undefined, 'D', 1, 2, 3, 'x', 'y', null, 0];
function gen(rand, budget) {
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const idx = () => Math.floor(rand() * 8);
  const block = (depth) => {
    const n = 1 + Math.floor(rand() * (depth > 4 ? 2 : 4));
    const out = [];
    for (let i = 0; i < n && budget.left > 0; i++) out.push(step(depth));
    return out;
  };
  const step = (depth) => {
    budget.left--;
    const s = Math.floor(rand() * 3);
    const nest = depth < 7 && rand() < 0.6;
    const kinds = nest
      ? ['run', 'run', 'exit', 'callSnap', 'bind', 'callBound', 'runIn', 'throwRun']
      : ['enterWith', 'enterWith', 'disable', 'snapshot', 'withScope', 'dispose', 'resource', 'callBound', 'get'];
    const op = pick(kinds);
    const body = nest && op !== 'callBound' ? block(depth + 1) : undefined;
    return { op, s, v: pick(VALUES), k: idx(), body };
  };
  const prog = [];
  while (budget.left > 0) prog.push(step(0));
  return prog;
}

// ---- interpreter ----
function execute(impl, prog) {
  const { AsyncLocalStorage, AsyncResource } = impl;
  const stores = [new AsyncLocalStorage(), new AsyncLocalStorage({ defaultValue: 'D' }), new AsyncLocalStorage()];
  const guard = new AsyncLocalStorage();
  const slots = { snap: [], bound: [], scope: [], res: [] };
  const trace = [];
  const show = (v) => (v === undefined ? 'u' : JSON.stringify(v));
  const record = (path) => trace.push(`${path} ${stores.map((s) => show(s.getStore())).join(',')}`);
  const slot = (list, k) => (list.length ? list[k % list.length] : undefined);
  const Thrown = class {};
  let runs = []; // storages of the enclosing run/exit calls (since the last full-frame boundary)
  const within = (s, f) => { runs.push(s); try { return f(); } finally { runs.pop(); } };
  const boundary = (f) => { const saved = runs; runs = []; try { return f(); } finally { runs = saved; } };
  const crossed = (s) => SKIP_CROSS && runs.some((r) => r !== s);
  const block = (steps, path) => steps.forEach((st, i) => one(st, `${path}.${i}`));
  const one = (st, path) => {
    const als = stores[st.s];
    const label = `${path}:${st.op}(${st.s},${show(st.v)},${st.k})`;
    switch (st.op) {
      case 'run': {
        if (SKIP_SAME && Object.is(als.getStore(), st.v)) break;
        const r = als.run(st.v, (a) => within(st.s, () => {
          record(`${label}>in`);
          block(st.body, path);
          return a;
        }), 'arg');
        if (r !== 'arg') throw new Error('run return value');
        break;
      }
      case 'throwRun':
        if (SKIP_SAME && Object.is(als.getStore(), st.v)) break;
        try {
          als.run(st.v, () => within(st.s, () => {
            block(st.body, path);
            throw new Thrown();
          }));
        } catch (e) {
          if (!(e instanceof Thrown)) throw e;
        }
        break;
      case 'exit':
        if (SKIP_SAME && als.getStore() === undefined) break;
        als.exit(() => within(st.s, () => {
          record(`${label}>in`);
          block(st.body, path);
        }));
        break;
      case 'enterWith': if (!crossed(st.s)) als.enterWith(st.v); break;
      case 'disable': if (!crossed(st.s)) als.disable(); break;
      case 'get': break;
      case 'snapshot': slots.snap.push(AsyncLocalStorage.snapshot()); break;
      case 'callSnap': {
        const snap = slot(slots.snap, st.k);
        if (snap) snap(() => boundary(() => { record(`${label}>in`); block(st.body, path); }));
        break;
      }
      case 'bind': {
        const body = st.body;
        slots.bound.push(AsyncLocalStorage.bind(() => boundary(() => { record(`${label}>bound`); block(body, `${path}b`); })));
        break;
      }
      case 'callBound': {
        const f = slot(slots.bound, st.k);
        // bodies may call bound functions; keep recursion finite
        if (f && !f.active) {
          f.active = true;
          try { f(); } finally { f.active = false; }
        }
        break;
      }
      case 'withScope':
        if (!crossed(st.s)) slots.scope.push(Object.assign(als.withScope(st.v), { s: st.s }));
        break;
      case 'dispose': {
        const sc = slot(slots.scope, st.k);
        if (sc && !crossed(sc.s)) sc.dispose();
        break;
      }
      case 'resource': slots.res.push(new AsyncResource('T')); break;
      case 'runIn': {
        const r = slot(slots.res, st.k);
        if (r) r.runInAsyncScope(() => boundary(() => { record(`${label}>in`); block(st.body, path); }));
        break;
      }
      default: throw new Error(st.op);
    }
    record(label);
  };
  if (SKIP_CROSS) block(prog, 'p');
  else guard.run('guard', () => block(prog, 'p'));
  record('after');
  return trace;
}

let totalSteps = 0;
test(`differential: ${PROGRAMS} random programs vs node:async_hooks (seed ${SEED})`, () => {
  const rand = rng(SEED);
  for (let p = 0; p < PROGRAMS; p++) {
    const prog = gen(rand, { left: STEPS });
    const expected = execute(node, prog);
    const actual = execute(wasm, prog);
    totalSteps += expected.length;
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      if (expected[i] !== actual[i]) {
        throw new Error(
          `divergence (seed ${SEED}, program ${p}, trace entry ${i}; storages: a, b(defaultValue 'D'), c)\n` +
            `  previous: ${expected.slice(Math.max(0, i - 3), i).join('\n            ')}\n` +
            `  node:     ${expected[i]}\n  als-wasm: ${actual[i]}\n` +
            `  program:  ${JSON.stringify(prog)}`,
        );
      }
    }
  }
  console.log(`differential: seed ${SEED}, ${PROGRAMS} programs, ${totalSteps} recorded steps`);
});

const result = await run();
if (result.failed) console.log(`differential seed: ${SEED} (rerun: node differential.mjs --seed=${SEED})`);
