// node bench/plugin/build-time.mjs: what als-wasm/plugin adds to a build.
// Writes the generated app (app.mjs, about 1 MB) into
// js-tests/.scratch/bench/app/, then builds it with esbuild, Rollup, Vite and
// webpack, without and with the plugin, and with a plugin that changes
// nothing (the floor: what routing modules through a JS plugin costs that
// bundler), each build in a fresh process (build-one.mjs): one untimed build
// of each first, then RUNS of each, alternating, so that a busy moment of the
// machine hits all three. Then esbuild on an app of packages, rewritten too
// (build-packages.mjs). Then the
// transform alone over every module of the app, in fresh processes too. Prints
// one JSON line for the app, one per bundler and one for the transform.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../measure.mjs';
import { writeApp } from './app.mjs';
import { measurePackages } from './build-packages.mjs';
import { buildOne, REWRITTEN, transformOne } from './fresh-process.mjs';
import { transformAwaits } from '../../node_modules/als-wasm/plugin/transform.js';

const RUNS = 5;
const BUNDLERS = ['esbuild', 'rollup', 'vite', 'webpack'];
const scratch = fileURLToPath(new URL('../../.scratch/bench/', import.meta.url));
const tests = fileURLToPath(new URL('../../', import.meta.url));

const app = await writeApp(join(scratch, 'app'));
const sources = await readAll(join(scratch, 'app'));
let awaits = 0;
for (const [id, code] of sources) awaits += count(transformAwaits(code, id)?.code ?? '', /\bawait __als_(?:awaited|suspend)\(/g);
console.log(JSON.stringify({ build: 'app', bytes: app.bytes, modules: app.modules, awaits }));

for (const bundler of BUNDLERS) {
  const ms = { plain: [], floor: [], plugin: [] };
  const pluginMs = [];
  const floorMs = [];
  for (let i = -1; i < RUNS; i++) {
    for (const variant of ['plain', 'floor', 'plugin']) {
      const out = join(scratch, 'out', `${bundler}-${variant}`);
      const result = buildOne(tests, [bundler, variant, app.entry, out]);
      if (i >= 0) ms[variant].push(result.ms);
      if (i >= 0 && variant === 'plugin') pluginMs.push(result.pluginMs);
      if (i >= 0 && variant === 'floor') floorMs.push(result.pluginMs);
      // Once: the plugin's build has every await rewritten.
      if (i === -1 && variant === 'plugin') {
        const seen = count((await readAll(out)).map(([, code]) => code).join('\n'), REWRITTEN);
        if (seen < awaits) throw new Error(`${bundler}: ${seen} of ${awaits} awaits rewritten`);
      }
    }
  }
  console.log(JSON.stringify({
    build: bundler, plain: median(ms.plain), floor: median(ms.floor), plugin: median(ms.plugin), pluginImport: median(pluginMs), floorImport: median(floorMs), runs: RUNS, ms,
  }));
}

// Rewriting node_modules too (issue 24: ≤ 1.5× with esbuild), on LangGraph's packages.
console.log(JSON.stringify(await measurePackages({ tests, scratch, runs: RUNS })));

// The transform alone, as a build without source maps calls it, over the
// whole app, each time in a fresh process (transform-one.mjs): its first
// pass is what a build pays. In turns with the same run with V8's wasm
// compile tasks kept to one: its tier-up threads otherwise take the cores
// the first pass runs on (what bounds the builds above).
const passes = { cold: [], warm: [], oneTask: [] };
for (let i = 0; i < RUNS; i++) {
  for (const flags of [[], ['--wasm-num-compilation-tasks=1']]) {
    const result = transformOne(tests, join(scratch, 'app'), flags);
    if (flags.length > 0) passes.oneTask.push(result.cold);
    else {
      passes.cold.push(result.cold);
      passes.warm.push(result.warm);
    }
  }
}
const mb = app.bytes / 2 ** 20;
console.log(JSON.stringify({
  build: 'transform', cold: median(passes.cold) / mb, warm: median(passes.warm) / mb, coldOneTask: median(passes.oneTask) / mb, runs: RUNS,
}));

async function readAll(dir) {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
  return Promise.all(files.map(async (f) => [join(dir, f), await readFile(join(dir, f), 'utf8')]));
}

function count(text, re) {
  return text.match(re)?.length ?? 0;
}
