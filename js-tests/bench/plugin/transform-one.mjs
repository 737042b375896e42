// node bench/plugin/transform-one.mjs <dir | list.json>: the plugin's
// transform alone, in this fresh process, as a production build calls it (no
// source map) over every module of the generated app in `dir`, or over the
// files a JSON list names (build-packages.mjs): the first pass (the
// engine compiles the wasm as it first runs each part, and tiers it up
// while it runs), then PASSES more. Prints { cold, warm } in ms: the first
// pass, and the median of the others.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { median } from '../measure.mjs';

const PASSES = 5;
// AWAIT_HOOK=0: as `awaitHook: false` rewrites (then, catch and finally calls too).
const AWAIT_HOOK = process.env.AWAIT_HOOK !== '0';
const [where] = process.argv.slice(2);
const files = where.endsWith('.json')
  ? JSON.parse(await readFile(where, 'utf8'))
  : (await readdir(where, { recursive: true })).filter((f) => f.endsWith('.js')).map((f) => join(where, f));
const sources = await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')]));
// transform.js is not in the package's exports map: imported by path.
const { transformAwaits } = await import('../../node_modules/als-wasm/plugin/transform.js');
const passes = [];
for (let i = 0; i <= PASSES; i++) {
  const t = performance.now();
  for (const [id, code] of sources) transformAwaits(code, id, { sourcemap: false, awaitHook: AWAIT_HOOK });
  passes.push(performance.now() - t);
}
console.log(JSON.stringify({ cold: passes[0], warm: median(passes.slice(1)) }));
