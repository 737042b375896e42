// Runs the upstream AsyncContext tests, unchanged, against als-wasm's
// AsyncContext. A one-off check, not part of `cargo xtask test`:
// the upstream files are not ours and CI cannot fetch them.
//   node run-async-context.mjs <proposal-dir> <test262-dir>
// <proposal-dir>: a checkout of tc39/proposal-async-context; its
//   tests/async-context.test.ts runs under mocha with its `../src/index`
//   import pointed at als-wasm/async-context (the native carrier on Node)
//   and at als-wasm/async-context/browser (the patch carrier forced).
// <test262-dir>: a checkout of tc39/test262 at PR #3874's head (f356f3ce;
//   the AsyncContext tests are not on main); test/built-ins/AsyncContext runs
//   under test262-harness on Node, with an IIFE bundle that installs
//   globalThis.AsyncContext as --prelude, for each carrier.
// Either dir may be '-' to skip that part. Tools: this folder's
// package.json (npm install here first); als-wasm from ../node_modules, as
// `cargo xtask test` installs it. Env NODE: the Node to run (default: the
// one running this script). Prints pass/fail counts and every failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, 'node_modules/.bin', name);
const node = process.env.NODE ?? process.execPath;
const [proposalDir, test262Dir] = process.argv.slice(2);
if (!proposalDir || !test262Dir) {
  console.error('usage: node run-async-context.mjs <proposal-dir|-> <test262-dir|->');
  process.exit(2);
}
const { build } = await import(join(here, 'node_modules/esbuild/lib/main.js'));
// Built files go beside the tests' own folder, so 'als-wasm' resolves from
// js-tests/node_modules.
const work = join(here, '.run');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// [carrier, the entry the proposal's tests import, the prelude installing
// globalThis.AsyncContext for test262]. The patch carrier has no global
// entry: its prelude installs the namespace as the global entry would
// (writable, configurable, not enumerable).
const carriers = [
  ['native carrier', 'als-wasm/async-context', "import 'als-wasm/async-context/global';"],
  [
    'patch carrier forced',
    'als-wasm/async-context/browser',
    "import { AsyncContext } from 'als-wasm/async-context/browser';\n" +
      "Object.defineProperty(globalThis, 'AsyncContext', { value: AsyncContext, writable: true, configurable: true });",
  ],
];
// test262-harness's Node host (eshost) runs each test in a vm context that
// has only setTimeout, require, console and print: none of the globals every
// real host gives (TextDecoder for the wasm glue, the other timers,
// queueMicrotask). The prelude lends them from the outer realm, whose global
// require's Function reaches; the context's own Promise, the one the tests
// use, stays its own.
const HOST_GLOBALS = `{
  const outer = require.constructor('return globalThis')();
  for (const name of ${JSON.stringify(['TextDecoder', 'TextEncoder', 'queueMicrotask', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'process'])}) {
    if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value: outer[name], writable: true, configurable: true });
  }
}`;
let failed = 0;

if (proposalDir !== '-') {
  const testFile = resolve(proposalDir, 'tests/async-context.test.ts');
  for (const [carrier, entry] of carriers) {
    // The test file as it is, its TypeScript stripped; only the module its
    // `../src/index` import names changes.
    const out = join(work, `proposal-${carrier.replaceAll(' ', '-')}.mjs`);
    await build({
      entryPoints: [testFile],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: out,
      logLevel: 'error',
      plugins: [{
        name: 'proposal-src-to-als-wasm',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/src\/index$/ }, () => ({ path: entry, external: true }));
        },
      }],
    });
    const run = spawnSync(node, [bin('mocha'), '--reporter', 'json', out], { encoding: 'utf8', cwd: work });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    const { passes, failures } = report.stats;
    console.log(`proposal tests/async-context.test.ts, ${carrier} (${entry}): ${passes} passed, ${failures} failed`);
    for (const f of report.failures) console.log(`  FAIL ${f.fullTitle}: ${String(f.err.message).split('\n')[0]}`);
    failed += failures;
  }
}

if (test262Dir !== '-') {
  for (const [carrier, entry, install] of carriers) {
    // One classic script that installs globalThis.AsyncContext; the native
    // carrier's bundle require()s node:async_hooks, which the Node host's
    // CommonJS test file has.
    const preludeEntry = join(work, `prelude-${carrier.replaceAll(' ', '-')}.mjs`);
    writeFileSync(preludeEntry, `${install}\nif (typeof globalThis.AsyncContext?.Variable !== 'function') throw new Error('AsyncContext not installed');\n`);
    const prelude = preludeEntry.replace(/\.mjs$/, '.js');
    // HOST_GLOBALS as a banner: before the package's modules evaluate.
    await build({ entryPoints: [preludeEntry], bundle: true, format: 'iife', platform: 'node', outfile: prelude, logLevel: 'error', banner: { js: HOST_GLOBALS } });
    const run = spawnSync(
      bin('test262-harness'),
      [
        '--host-type', 'node', '--host-path', node, '--test262-dir', resolve(test262Dir),
        '--prelude', prelude, '--reporter', 'json', '--reporter-keys', 'file,scenario,result',
        '--threads', '2', '--temp-dir', work,
        join(resolve(test262Dir), 'test/built-ins/AsyncContext/**/*.js'),
      ],
      { encoding: 'utf8', cwd: work, maxBuffer: 64 << 20 },
    );
    let results;
    try {
      results = JSON.parse(run.stdout);
    } catch {
      console.log(`test262, ${carrier}: no report\n${run.stdout}\n${run.stderr}`);
      failed++;
      continue;
    }
    const bad = results.filter((r) => !r.result.pass);
    const files = new Set(results.map((r) => r.file)).size;
    console.log(`test262 PR #3874 test/built-ins/AsyncContext, ${carrier} (${entry}): ${files} files, ${results.length - bad.length} of ${results.length} runs passed, ${bad.length} failed`);
    for (const r of bad) {
      const message = String(r.result.message ?? '').split('\n')[0];
      console.log(`  FAIL ${r.file.slice(r.file.indexOf('AsyncContext/'))} (${r.scenario}): ${message}`);
    }
    failed += bad.length;
  }
}

console.log(`upstream AsyncContext tests: ${failed} failed`);
process.exitCode = failed ? 1 : 0;
