// Prints the program that run.mjs generates for a seed, as Node runs it, or
// (--rewritten) as als-wasm/plugin rewrites it for the browser:
//   node js-tests/plugin/differential/show.mjs <seed> [--rewritten]
// THEN_BODIES=0 / CONCURRENT_NEXT=0 as for run.mjs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, IMPORT_PLACEHOLDER } from './generate.mjs';

const [seedArg, flag] = process.argv.slice(2);
if (seedArg === undefined) throw new Error('usage: show.mjs <seed> [--rewritten]');
const options = { thenBodies: process.env.THEN_BODIES !== '0', concurrentNext: process.env.CONCURRENT_NEXT !== '0' };
const source = generate(Number(seedArg), options);
if (flag === '--rewritten') {
  // transform.js is not in the package's exports map: imported by path.
  const transform = pathToFileURL(join(import.meta.dirname, '../../node_modules/als-wasm/plugin/transform.js')).href;
  const { transformAwaits } = await import(transform);
  console.log(transformAwaits(source.replace(IMPORT_PLACEHOLDER, 'als-wasm'), 'program.mjs')?.code);
} else {
  console.log(source.replace(IMPORT_PLACEHOLDER, 'node:async_hooks'));
}
