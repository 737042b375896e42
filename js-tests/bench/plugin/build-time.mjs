// node bench/plugin/build-time.mjs: what als-wasm/plugin adds to a build.
// Writes the generated app (app.mjs, about 1 MB) into
// js-tests/.scratch/bench/app/, then builds it with esbuild, Rollup, Vite and
// webpack, without and with the plugin, and with a plugin that changes
// nothing (the floor: what routing modules through a JS plugin costs that
// bundler), each build in a fresh process (build-one.mjs): one untimed build
// of each first, then RUNS of each, alternating, so that a busy moment of the
// machine hits all three. Then the
// transform alone, in this process, over every module of the app. Prints
// one JSON line for the app, one per bundler and one for the transform.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../measure.mjs';
import { writeApp } from './app.mjs';
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

// A rewritten await, whatever names the bundler gave the helpers: `await awaited(`, `await suspend(`, or either through a bundler's import binding (`await (0, x.suspend)(`).
const REWRITTEN = /\bawait (?:\(0,\s*)?[\w$.]*(?:awaited|suspend)\b/g;

for (const bundler of BUNDLERS) {
  const ms = { plain: [], floor: [], plugin: [] };
  const pluginMs = [];
  for (let i = -1; i < RUNS; i++) {
    for (const variant of ['plain', 'floor', 'plugin']) {
      const out = join(scratch, 'out', `${bundler}-${variant}`);
      const r = spawnSync('node', ['bench/plugin/build-one.mjs', bundler, variant, app.entry, out], { cwd: tests, encoding: 'utf8' });
      const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
      if (r.status !== 0 || !line) throw new Error(`${bundler} ${variant}: ${r.stderr.slice(-2000)}`);
      const result = JSON.parse(line);
      if (i >= 0) ms[variant].push(result.ms);
      if (i >= 0 && variant === 'plugin') pluginMs.push(result.pluginMs);
      // Once: the plugin's build has every await rewritten.
      if (i === -1 && variant === 'plugin') {
        const seen = count((await readAll(out)).map(([, code]) => code).join('\n'), REWRITTEN);
        if (seen < awaits) throw new Error(`${bundler}: ${seen} of ${awaits} awaits rewritten`);
      }
    }
  }
  console.log(JSON.stringify({
    build: bundler, plain: median(ms.plain), floor: median(ms.floor), plugin: median(ms.plugin), pluginImport: median(pluginMs), runs: RUNS, ms,
  }));
}

// The transform alone, as the plugin calls it (with a source map), over the
// whole app: the first pass (cold: the engine compiles the transform's wasm
// as it first runs each part), then the median of RUNS more.
const passes = [];
for (let i = 0; i <= RUNS; i++) {
  const t = performance.now();
  for (const [id, code] of sources) transformAwaits(code, id);
  passes.push(performance.now() - t);
}
const mb = app.bytes / 2 ** 20;
console.log(JSON.stringify({ build: 'transform', cold: passes[0] / mb, warm: median(passes.slice(1)) / mb, runs: RUNS }));

async function readAll(dir) {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
  return Promise.all(files.map(async (f) => [join(dir, f), await readFile(join(dir, f), 'utf8')]));
}

function count(text, re) {
  return text.match(re)?.length ?? 0;
}
