// node bench/plugin/transform-one.mjs <dir>: the plugin's transform alone,
// in this fresh process, as a production build calls it (no source map)
// over every module of the generated app in `dir`: the first pass (the
// engine compiles the wasm as it first runs each part, and tiers it up
// while it runs), then PASSES more. Prints { cold, warm } in ms: the first
// pass, and the median of the others.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { median } from '../measure.mjs';

const PASSES = 5;
const [dir] = process.argv.slice(2);
const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
const sources = await Promise.all(files.map(async (f) => [join(dir, f), await readFile(join(dir, f), 'utf8')]));
// transform.js is not in the package's exports map: imported by path.
const { transformAwaits } = await import('../../node_modules/als-wasm/plugin/transform.js');
const passes = [];
for (let i = 0; i <= PASSES; i++) {
  const t = performance.now();
  for (const [id, code] of sources) transformAwaits(code, id, { sourcemap: false });
  passes.push(performance.now() - t);
}
console.log(JSON.stringify({ cold: passes[0], warm: median(passes.slice(1)) }));
