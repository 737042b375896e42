// An app's own functions keep their names beside the rewrite: a bundler
// names each helper after its binding in plugin/runtime.js and renames an
// app's local of that name where the helper is called (esbuild turned a
// `function done() {}` beside a rewritten await into `done2`, and
// `done.name` with it). Each helper's import name, as an app's local
// function in a scope that calls the helper, bundled by esbuild with the
// plugin, with the await hook on and off.
import { equal, ok, test } from '../support/harness.mjs';
import { esbuild } from './support/bundlers.mjs';
import { withApp } from './support/app.mjs';

const HELPERS = ['awaited', 'resume', 'iterated', 'yielded', 'begin', 'suspend', 'resumed', 'caught', 'done', 'thenOf', 'catchOf', 'finallyOf', 'callback'];

const MAIN = `const p = Promise.resolve(1);
const a = { b: p };
export async function inPlace() {
  ${HELPERS.map((h) => `function ${h}() {}`).join(' ')}
  try { await p; } catch { await p; }
  p.then(() => {}).catch(() => {}).finally(() => {});
  a?.b.then(() => {});
  return [${HELPERS.map((h) => `${h}.name`).join(', ')}];
}
export async function* generator() {
  ${HELPERS.map((h) => `function ${h}() {}`).join(' ')}
  for await (const x of [p]) yield x;
  yield* generator();
  return [${HELPERS.map((h) => `${h}.name`).join(', ')}];
}
`;

for (const [label, plugin] of [['hook on', true], ['hook off', { packages: true, awaitHook: false }]]) {
  test(`plugin-helper-names: an app's functions named like the helpers keep their names (esbuild, ${label})`, async () => {
    await withApp({ 'src/main.js': MAIN }, async (dir) => {
      const out = await esbuild(dir, { plugin });
      equal(out.error, undefined, 'the build');
      ok(/__als_suspend|suspend\(/.test(out.code), 'the awaits are rewritten');
      const renamed = HELPERS.filter((h) => new RegExp(`function ${h}\\d+\\(`).test(out.code));
      equal(renamed.join(), '', 'renamed by the bundler');
    });
  });
}
