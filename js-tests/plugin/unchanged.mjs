// 4a. Modules with nothing to rewrite come back as null (the bundler keeps
// its own bytes): no await at all, the word only in strings, comments,
// names, regexps and JSX text, yield and yield* only in sync generators.
// All but the first mention await or yield, so
// they are parsed (a parse error would throw, not answer null).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { equal, ok, test } from '../support/harness.mjs';
import { packageDir, transformAwaits } from './support/installed.mjs';

const modules = {
  'plain.js': 'export const answer = 42;\nexport function add(a, b) { return a + b; }\n',
  'words.js': [
    '// We await nothing here; yield* is only a word.',
    "const awaitable = 'await me';",
    'const pattern = /await|yield\\*/;',
    'export const text = `await ${awaitable} ${pattern}`;',
    'export const obj = { await: 1, awaited: 2 };',
    'export async function noAwait() { return obj.await; }',
    '',
  ].join('\n'),
  'jsx-text.jsx': 'export const el = <p title="await">await {"yield*"}</p>;\n',
  'sync-generators.js': [
    'export function* flat(items) { for (const item of items) yield* item; }',
    'const o = { *g() { yield* [1]; } };',
    'class K { *[Symbol.iterator]() { yield* o.g(); } }',
    'export async function spread() { return [...flat([[1], [2]]), ...new K()]; }',
    '',
  ].join('\n'),
  'types.ts': 'type A = Awaited<Promise<number>>;\nexport const awaitedValue: A = 1;\nexport function* g(): Generator<number> { yield* [awaitedValue]; }\n',
  'commonjs.cjs': "const awaitList = require('./list');\nmodule.exports = function* () { yield* awaitList; };\n",
};

for (const [file, code] of Object.entries(modules)) {
  test(`plugin-unchanged: ${file}`, () => {
    equal(transformAwaits(code, `/app/src/${file}`), null);
  });
}

// The package's own modules have nothing to rewrite: selects() skips them
// by their node_modules path, and a linked copy (real path outside
// node_modules) would come back as it is too.
test('plugin-unchanged: every module of the als-wasm package', () => {
  const files = [];
  for (const sub of ['', 'carrier', 'plugin']) {
    for (const f of readdirSync(join(packageDir, sub))) if (/\.[cm]?js$/.test(f)) files.push(join(sub, f));
  }
  ok(files.length > 20, `only ${files.length} modules found`);
  for (const f of files) equal(transformAwaits(readFileSync(join(packageDir, f), 'utf8'), join(packageDir, f)), null, f);
});
