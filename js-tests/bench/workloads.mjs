// The workloads. Each takes the loaded implementation (impls.mjs) and a
// probe ({ heap: () => Promise<bytes used after a forced GC>, or null where
// the host cannot force one; wasmBytes: () => als-wasm's wasm }) and answers
// { ns, ms, ops, kept, ... }: `kept` counts the checks that saw the store the code was started with (every check, for a
// correct ALS; none after an `await`, for one that loses the context); in
// root code (`root: true`), the checks that saw no store.
import { sample, sampleSideBySide } from './measure.mjs';
import { OTEL_WORKLOADS } from './otel/workloads.mjs';
import { SERVER_WORKLOADS } from './servers.mjs';

const settled = Promise.resolve(1);
const tick = () => new Promise((ok) => setTimeout(ok, 0));
// The implementations that run the root workloads: no ALS, the floor,
// als-wasm, and the host's own (what the native carrier stands on).
const ROOT_IMPLS = ['none', 'floor', 'als-wasm', 'als-wasm-native', 'host'];

export const WORKLOADS = {
  // storage.run(i, () => storage.getStore()), the per-request cost.
  run: {
    label: '`run(i, () => getStore())`',
    async run({ Storage }) {
      const s = new Storage();
      const get = () => s.getStore();
      const ops = 200_000;
      return sample(() => {
        let kept = 0;
        for (let i = 0; i < ops; i++) if (s.run(i, get) === i) kept++;
        return kept;
      }, { ops });
    },
  },
  // AsyncContext.Variable (als-wasm/async-context) against the
  // same carrier's AsyncLocalStorage, each as `run` above, side by side in
  // one realm so that both see the same moments of a shared machine. The
  // row is the Variable's; `storage` is the ALS's (report.mjs: the ratio).
  variableRun: {
    label: '`Variable.run(i, () => v.get())`',
    only: ['als-wasm', 'als-wasm-native'],
    async run({ Storage, asyncContext }) {
      const { AsyncContext } = await asyncContext();
      const v = new AsyncContext.Variable();
      const s = new Storage();
      const ops = 200_000;
      const get = () => v.get();
      const getStore = () => s.getStore();
      const [variable, storage] = await sampleSideBySide([
        () => {
          let kept = 0;
          for (let i = 0; i < ops; i++) if (v.run(i, get) === i) kept++;
          return kept;
        },
        () => {
          let kept = 0;
          for (let i = 0; i < ops; i++) if (s.run(i, getStore) === i) kept++;
          return kept;
        },
      ], { ops });
      return { ...variable, storage };
    },
  },
  // getStore() in one scope: what a logger pays per line.
  getStore: {
    label: '`getStore()` inside a `run`',
    async run({ Storage }) {
      const s = new Storage();
      const store = { id: 1 };
      const ops = 2_000_000;
      return sample(() => s.run(store, () => {
        let kept = 0;
        for (let i = 0; i < ops; i++) if (s.getStore() === store) kept++;
        return kept;
      }), { ops });
    },
  },
  // 5 nested runs of one storage, the innermost reading it.
  nestedOne: {
    label: '5 nested `run`s of one storage',
    async run({ Storage }) {
      const s = new Storage();
      const ops = 50_000;
      const inner = () => s.getStore();
      const nest = (i) => s.run(i, () => s.run(i + 1, () => s.run(i + 2, () => s.run(i + 3, () => s.run(i + 4, inner)))));
      return sample(() => {
        let kept = 0;
        for (let i = 0; i < ops; i++) if (nest(i) === i + 4) kept++;
        return kept;
      }, { ops });
    },
  },
  // 5 storages nested (a request, a user, a span, a logger, a tenant); the
  // innermost reads all five.
  nestedFive: {
    label: '5 nested `run`s of 5 storages',
    async run({ Storage }) {
      const [a, b, c, d, e] = Array.from({ length: 5 }, () => new Storage());
      const ops = 50_000;
      const inner = () => a.getStore() + b.getStore() + c.getStore() + d.getStore() + e.getStore();
      const nest = (i) => a.run(i, () => b.run(1, () => c.run(2, () => d.run(3, () => e.run(4, inner)))));
      return sample(() => {
        let kept = 0;
        for (let i = 0; i < ops; i++) if (nest(i) === i + 10) kept++;
        return kept;
      }, { ops });
    },
  },
  // 200k sequential awaits of a settled native promise in one run, the
  // store checked after each.
  awaits: {
    label: '200k sequential `await`s in a `run`',
    async: true,
    async run({ Storage }) {
      const s = new Storage();
      const store = { id: 1 };
      const ops = 200_000;
      const loop = async () => {
        let kept = 0;
        for (let i = 0; i < ops; i++) {
          await settled;
          if (s.getStore() === store) kept++;
        }
        return kept;
      };
      return sample(() => s.run(store, loop), { ops, runs: 5 });
    },
  },
  // 10k concurrent flows, each its own run, 10 awaits each.
  flows: {
    label: '10k concurrent flows × 10 `await`s',
    async: true,
    async run({ Storage }) {
      const s = new Storage();
      const flows = 10_000;
      const flow = async (store) => {
        let kept = 0;
        for (let i = 0; i < 10; i++) {
          await settled;
          if (s.getStore() === store) kept++;
        }
        return kept;
      };
      // Each flow is started with its own object, which it must see.
      const check = async () => {
        const all = [];
        for (let f = 0; f < flows; f++) {
          const store = { f };
          all.push(s.run(store, flow, store));
        }
        return sum(await Promise.all(all));
      };
      return sample(check, { ops: flows * 10, runs: 5 });
    },
  },
  // 10k chains of 10 `.then` reactions, each chain made in its own run.
  then: {
    label: '10k `.then` chains × 10',
    async: true,
    async run({ Storage }) {
      const s = new Storage();
      const chains = 10_000;
      const once = async () => {
        let kept = 0;
        const all = [];
        for (let c = 0; c < chains; c++) {
          const store = { c };
          const check = () => {
            if (s.getStore() === store) kept++;
          };
          all.push(s.run(store, () => {
            let p = settled;
            for (let i = 0; i < 10; i++) p = p.then(check);
            return p;
          }));
        }
        await Promise.all(all);
        return kept;
      };
      return sample(once, { ops: chains * 10, runs: 5 });
    },
  },
  // Root code: outside any run, where there is no store. Only ROOT_IMPLS run
  // these; `kept` counts the checks that saw no store (getStore() undefined),
  // after a seed run that left async work behind, so that a carrier leaking
  // a frame into the root shows.
  // setTimeout(cb, 0) from the root, per callback (schedule and run): rounds
  // of 25 batches of 1,000 timers, all scheduled at once and awaited
  // together. Scheduling 25k outlasts the host's minimum delay (1 ms in Node,
  // 4 ms in browsers once timers nest 5 deep), so no round waits idle, as
  // batches awaited one by one would; and the timers alive at once stay few
  // enough that the young generation's collections stay cheap and steady.
  rootTimers: {
    label: '150k `setTimeout(cb, 0)` from the root, 25k at a time',
    root: true,
    async: true,
    only: ROOT_IMPLS,
    async run({ Storage }) {
      const s = new Storage();
      await seed(s);
      const rounds = 6;
      const batches = 25;
      const batch = () => new Promise((done) => {
        let free = 0;
        let left = 1000;
        const cb = () => {
          if (s.getStore() === undefined) free++;
          if (--left === 0) done(free);
        };
        for (let i = 0; i < 1000; i++) setTimeout(cb, 0);
      });
      const once = async () => {
        let free = 0;
        for (let r = 0; r < rounds; r++) {
          const all = [];
          for (let b = 0; b < batches; b++) all.push(batch());
          free += sum(await Promise.all(all));
        }
        return free;
      };
      return sample(once, { ops: rounds * batches * 1000, runs: 5 });
    },
  },
  // 10k chains of 10 `.then` reactions made in the root.
  rootThens: {
    label: '10k `.then` chains × 10 from the root',
    root: true,
    async: true,
    only: ROOT_IMPLS,
    async run({ Storage }) {
      const s = new Storage();
      await seed(s);
      const chains = 10_000;
      const once = async () => {
        let free = 0;
        const check = () => {
          if (s.getStore() === undefined) free++;
        };
        const all = [];
        for (let c = 0; c < chains; c++) {
          let p = settled;
          for (let i = 0; i < 10; i++) p = p.then(check);
          all.push(p);
        }
        await Promise.all(all);
        return free;
      };
      return sample(once, { ops: chains * 10, runs: 5 });
    },
  },
  // 200k sequential awaits of a settled native promise in the root.
  rootAwaits: {
    label: '200k sequential `await`s in the root',
    root: true,
    async: true,
    only: ROOT_IMPLS,
    async run({ Storage }) {
      const s = new Storage();
      await seed(s);
      const ops = 200_000;
      const loop = async () => {
        let free = 0;
        for (let i = 0; i < ops; i++) {
          await settled;
          if (s.getStore() === undefined) free++;
        }
        return free;
      };
      return sample(loop, { ops, runs: 5 });
    },
  },
  // Sequential awaits in app code that als-wasm/plugin rewrites
  // (plugin/awaits.mjs, bundled with and without the plugin by
  // plugin/build-awaits.mjs), in browsers only.
  pluginValues: pluginWorkload('200k sequential `await 5` in a `run`', 'awaitValues'),
  pluginThenables: pluginWorkload('200k sequential `await thenable` in a `run`', 'awaitThenables'),
  pluginPromises: pluginWorkload('200k sequential `await` of a settled promise in a `run`', 'awaitPromises'),
  pluginRoot: pluginWorkload('200k sequential `await` of a settled promise outside any `run`', 'awaitInRoot', { root: true }),
  unhookedValues: unhookedWorkload('200k sequential `await 5` in a `run`, whole bundle rewritten, hook off', 'awaitValues'),
  unhookedPromises: unhookedWorkload('200k sequential `await` of a settled promise in a `run`, whole bundle rewritten, hook off', 'awaitPromises'),
  unhookedRoot: unhookedWorkload('200k sequential `await` of a settled promise outside any `run`, whole bundle rewritten, hook off', 'awaitInRoot', { root: true }),
  // enterWith(i) then getStore(), inside one run so nothing outlives it.
  enterWith: {
    label: '`enterWith(i)` + `getStore()`',
    async run({ Storage, enterWith }) {
      if (!enterWith) return { na: 'no enterWith' };
      const s = new Storage();
      const ops = 200_000;
      return sample(() => s.run(0, () => {
        let kept = 0;
        for (let i = 0; i < ops; i++) {
          s.enterWith(i);
          if (s.getStore() === i) kept++;
        }
        return kept;
      }), { ops });
    },
  },
  // snapshot() in a scope, then one call through it.
  snapshot: {
    label: '`snapshot()` + one call through it',
    async run({ Storage, snapshot }) {
      const s = new Storage();
      const store = { id: 1 };
      const get = () => s.getStore();
      const ops = 100_000;
      return sample(() => s.run(store, () => {
        let kept = 0;
        for (let i = 0; i < ops; i++) if (snapshot()(get) === store) kept++;
        return kept;
      }), { ops });
    },
  },
  // Heap after 1e6 runs with object stores, each forced GC'd: does anything
  // keep stores or frames alive?
  heap: {
    label: 'heap after 1e6 `run`s with object stores',
    memory: true,
    async run({ Storage }, probe) {
      if (!probe.heap) return { na: 'this host cannot force a GC' };
      const s = new Storage();
      const before = await probe.heap();
      const t = performance.now();
      let kept = 0;
      for (let i = 0; i < 1_000_000; i++) {
        const store = { i, tags: ['bench'] };
        if (s.run(store, () => s.getStore()) === store) kept++;
      }
      const ms = performance.now() - t;
      const after = await probe.heap();
      return { ms, ops: 1_000_000, kept, before, after, delta: after - before };
    },
  },
  // 1e5 concurrent flows, each with its own object store, through awaits and
  // a timer; heap after they all finished and a forced GC.
  soak: {
    label: 'soak: 1e5 concurrent flows (await, timer, await)',
    memory: true,
    async: true,
    async run({ Storage }, probe) {
      const s = new Storage();
      const before = probe.heap ? await probe.heap() : null;
      const t = performance.now();
      const flow = async (store) => {
        let kept = 0;
        await settled;
        if (s.getStore() === store) kept++;
        await tick();
        if (s.getStore() === store) kept++;
        await settled;
        if (s.getStore() === store) kept++;
        return kept;
      };
      const all = [];
      for (let f = 0; f < 100_000; f++) {
        const store = { f, payload: new Array(8).fill(f) };
        all.push(s.run(store, flow, store));
      }
      const kept = sum(await Promise.all(all));
      const ms = performance.now() - t;
      all.length = 0;
      const after = probe.heap ? await probe.heap() : null;
      return { ms, ops: 300_000, kept, before, after, delta: probe.heap ? after - before : null };
    },
  },
  // als-wasm's wasm alone: compile and instantiate its bytes (with stub
  // imports; nothing runs), the cost its synchronous import pays once.
  instantiate: {
    label: 'compile + instantiate the wasm',
    only: ['als-wasm'],
    async run(_impl, probe) {
      const bytes = await probe.wasmBytes();
      const module = new WebAssembly.Module(bytes);
      const imports = {};
      for (const { module: m, name } of WebAssembly.Module.imports(module)) (imports[m] ??= {})[name] = () => {};
      const r = await sample(() => {
        new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
        return 1;
      }, { ops: 1, runs: 9 });
      return { ...r, bytes: bytes.length };
    },
  },
  // OpenTelemetry's context and a span across awaits with als-wasm's
  // context manager and OTel's own (otel/workloads.mjs), each with its own
  // implementations (`impls`) and loader (`load`).
  ...OTEL_WORKLOADS,
  ...SERVER_WORKLOADS,
};

// One of plugin/awaits.mjs's loops in a run, the store checked after each
// await, side by side in this realm: with no library first (its own instance
// of the module: nothing is installed yet), then als-wasm installed and the
// bundle without the plugin and the one the plugin rewrote in turns. Answers
// { variants }, a result each (main.mjs makes them rows of their own).
function pluginWorkload(label, loop, { root = false } = {}) {
  return pluginRows(label, root, async ({ Storage, install }) => {
    const { once, ops } = loopOf(loop, root);
    const none = await sample(once(new Storage(), await built('plain', '?none')), { ops });
    const als = await install();
    const [without, plugin] = await sampleSideBySide([
      once(new als.Storage(), await built('plain')),
      once(new als.Storage(), await built('plugin')),
    ], { ops });
    return { variants: { none, 'als-wasm': without, 'als-wasm-plugin': plugin } };
  });
}

// A loop of the bundle rewritten whole with the await hook off
// (plugin/awaits-unhooked.mjs, its own als-wasm), side by side with the same
// loop with no library and rewritten to call helpers that do nothing (what
// the rewrite's calls cost, no carrier). That bundle installs its carrier
// in this realm first: with the hook off it changes nothing of Promise, so
// the other two loops run as in a realm of their own (as measured apart).
function unhookedWorkload(label, loop, { root = false } = {}) {
  return pluginRows(label, root, async ({ Storage }) => {
    const { once, ops } = loopOf(loop, root);
    const unhooked = await built('unhooked');
    const [none, brackets, whole] = await sampleSideBySide([
      once(new Storage(), await built('plain', '?none')),
      once(new Storage(), await built('brackets')),
      once(new unhooked.AsyncLocalStorage(), unhooked),
    ], { ops });
    return { variants: { none, brackets, 'als-wasm-unhooked': whole } };
  });
}

// What the plugin's workloads share: browsers only, rows of their own.
function pluginRows(label, root, run) {
  return { label, inRoot: root, async: true, plugin: true, browsers: true, only: ['als-wasm-plugin'], run };
}

// One build of plugin/awaits.mjs (build-awaits.mjs wrote it).
function built(name, query = '') {
  return import(new URL(`../.scratch/bench/awaits.${name}.js${query}`, import.meta.url));
}

// 200k awaits of `loop` per call: in a run of a store of its own, or (root)
// outside any run.
function loopOf(loop, root) {
  const ops = 200_000;
  const once = (s, module) => {
    const store = { id: 1 };
    return root ? () => module[loop](s, store, ops) : () => s.run(store, module[loop], s, store, ops);
  };
  return { once, ops };
}

// One run whose async work (an await, a `.then`, a timer) is still pending
// when it returns; the root code after it must not see its store. As an
// app's first run does, it also turns on what the host's own storage needs
// (on Node 20, its promise hooks), which root code then pays for too.
async function seed(s) {
  const store = { seed: true };
  await s.run(store, () => Promise.all([
    (async () => {
      await settled;
      await tick();
    })(),
    settled.then(() => s.getStore()),
    tick(),
  ]));
}

function sum(xs) {
  let n = 0;
  for (const x of xs) n += x;
  return n;
}
