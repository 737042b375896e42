// The snapshot cases: one input file each in inputs/, its reviewed output in
// snapshots/ (same file name). For each: the module id the transform gets,
// what the module computes (its default export, called if a function, else
// globalThis.caseResult) and how many times the rewritten code calls each
// helper on the way; `lower` when Node 20 needs esbuild to lower its syntax.
// `bug`: the transform's output is wrong (reported, not enshrined): the tests
// on it fail until it is fixed; then drop `bug`, write the snapshot
// (UPDATE_SNAPSHOTS=1) and review it.
import { readFileSync } from 'node:fs';

const calls = (awaited, resume = awaited, iterated = 0, yielded = 0) => ({ awaited, resume, iterated, yielded });
const li = (v) => ({ type: 'li', props: { key: v }, children: [v] });

const list = [
  { file: 'statement.js', result: ['a', 'b', 'c'], calls: calls(3) },
  { file: 'operand.js', result: [10, -1, ['x', { k: 'y', key: 1 }, 8, 9], 'object', 8, 'set'], calls: calls(10) },
  { file: 'nested.js', result: [1, 'deep', 'c'], calls: calls(7) },
  { file: 'sequence.js', result: [1, 11, 'last'], calls: calls(2) },
  { file: 'call-form.js', result: [1, 5], calls: calls(3) },
  { file: 'arrows.js', result: [8, 'v', 3, 3], calls: calls(10) },
  { file: 'object-methods.js', result: [11, 12, 'deep'], calls: calls(7) },
  { file: 'class-methods.js', result: ['b', null], calls: calls(5) },
  { file: 'class-fields.js', result: ['w', 'S'], calls: calls(6) },
  { file: 'getter-iife.js', result: ['got', 'got'], calls: calls(5) },
  { file: 'top-level.js', result: 8081, calls: calls(2) },
  // The rejected await never resumes.
  { file: 'try-finally.js', result: ['try', 'boom', 'finally', 'cleanup', 'returned'], calls: calls(7, 6) },
  { file: 'for-await.js', result: [0, 1, 0, 'p', 'q', 'r'], calls: calls(1, 1, 4, 3) },
  { file: 'yield-star.js', result: ['a', 'b', 'c', 'i', 'd', 2, 1, 3], calls: calls(0, 0, 8, 1) },
  { file: 'template.js', result: ['hi n!', '12', 'a|cb'], calls: calls(4) },
  { file: 'default-params.js', result: ['default', 'custom', 'fallback', 'given', 2], calls: calls(8) },
  { file: 'optional-chain.js', result: ['z', undefined, 'z', undefined], calls: calls(4) },
  { file: 'new.js', result: ['a', 'b', true], calls: calls(3) },
  { file: 'conditional.js', result: ['yes', 'or', 'and', 'nullish', 'assigned'], calls: calls(9) },
  { file: 'control-flow.js', result: ['if', 0, 'case', 'thrown', 3], calls: calls(12) },
  { file: 'typescript.ts', result: ['ada', 'raw', '1', 'x', 'hi ada'], calls: calls(10) },
  { file: 'tsx.tsx', result: [{ type: 'h1', props: { class: 'T' }, children: ['child'] }, 3], calls: calls(4) },
  {
    file: 'jsx.jsx',
    result: { type: 'ul', props: { title: 'list' }, children: [[li('a'), li('b')], { type: 'p', props: null, children: ['please await this'] }, 'tail'] },
    calls: calls(3),
  },
  { file: 'vue-script.ts', id: '/app/src/App.vue?vue&type=script&setup=true&lang.ts', result: 2, calls: calls(2) },
  {
    file: 'hashbang.js', result: 'shebang', calls: calls(1),
  },
  { file: 'use-strict.js', result: ['strict'], calls: calls(1) },
  { file: 'use-strict.cjs', type: 'commonjs', result: ['cjs', true], calls: calls(1) },
  {
    file: 'directive-no-semicolon.js', result: 'client', calls: calls(1),
  },
  {
    file: 'directive-no-semicolon.cjs', type: 'commonjs', result: ['cjs', true], calls: calls(1),
  },
  { file: 'commonjs.cjs', type: 'commonjs', result: 'cjs', calls: calls(2) },
  { file: 'imports.js', result: ['slept'], calls: calls(1) },
  { file: 'collision.js', result: ['user:v', 1], calls: calls(1) },
  { file: 'await-using.js', result: ['body', 'disposed'], calls: calls(1), lower: true },
  {
    file: 'minified-of.js', result: [1, 2, 'a', 'b'], calls: calls(0, 0, 2),
  },
  {
    file: 'tla-no-import.js', result: 42, calls: calls(1),
  },
  { file: 'non-ascii.js', result: ['héllo wörld 😀 ü', '✓', '😀é'], calls: calls(2, 2, 1) },
];

export const cases = list.map((c) => ({
  name: c.file,
  id: `/app/src/${c.file}`,
  type: 'module',
  ...c,
  code: readFileSync(new URL(`inputs/${c.file}`, import.meta.url), 'utf8'),
}));

export const snapshotUrl = (c) => new URL(`snapshots/${c.file}`, import.meta.url);

// Prefixes a failure of a case known to be wrong with the bug's description.
export async function onCase(c, fn) {
  try {
    await fn();
  } catch (error) {
    if (c.bug) error.message = `TRANSFORM BUG (pending fix): ${c.bug}\n  ${error.message}`;
    throw error;
  }
}
