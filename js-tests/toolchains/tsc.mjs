// TypeScript: code typed against @types/node's AsyncLocalStorage
// compiled with `tsc --noEmit --strict` against als-wasm's .d.ts files, by
// the latest TypeScript and by TypeScript 5 (fixtures/tsc):
//   (a) importing 'als-wasm' (moduleResolution nodenext, node16, bundler:
//       the `types` export conditions);
//   (b) importing 'node:async_hooks', mapped by `paths` to als-wasm's
//       async_hooks.d.ts or index.d.ts (no @types/node: its ambient
//       'node:async_hooks' module would win over `paths`);
// and lines that must not typecheck, compiled on their own.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AssertionError, test } from '../support/harness.mjs';
import { exec, fixtures, project } from './project.mjs';

const dir = join(fixtures, 'tsc');
let ready;
const scratch = () => (ready ??= (() => {
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  files['usage.ts'] = files['node-style.ts'].replace("from 'node:async_hooks'", "from 'als-wasm'");
  return project('tsc', { files, dependencies: ['typescript', 'typescript5@npm:typescript@5', '@types/node', '@opentelemetry/api@1.10.0'] });
})());

const resolutions = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
};
// (b) compiles without @types/node, so with only the default lib: als-wasm's
// declarations bring what RunScope needs (see "stand alone").
const mapped = (file) => ({
  ...resolutions.bundler, types: [],
  paths: { 'node:async_hooks': [`./node_modules/als-wasm/${file}`] },
});

// Compiles `files` with `options`; answers the errors, "file:line TSnnnn".
async function tsc(ts, name, options, files) {
  const cwd = await scratch();
  const config = `tsconfig.${name}.json`;
  const compilerOptions = { target: 'es2022', types: ['node'], ...options };
  await writeFile(join(cwd, config), JSON.stringify({ compilerOptions, files }));
  const out = await exec(process.execPath, [`node_modules/${ts}/bin/tsc`, '-p', config, '--noEmit', '--strict'], { cwd })
    .catch((e) => e.message);
  return [...out.matchAll(/^(\S+)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, f, line, code, text]) => ({ at: `${f}:${line}`, code, text }));
}

// A test's compiles side by side (each tsc is a process of its own, most of
// it reading the same .d.ts files): the run took 56 s one after another.
// Every check runs; the first failure is thrown.
async function each(items, check) {
  const outcomes = await Promise.allSettled(items.map(check));
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed) throw failed.reason;
}

// The errors tsc must report: the lines marked `// error TSnnnn [or TSmmmm]`.
function marked(file) {
  return readFileSync(join(dir, file), 'utf8').split('\n').flatMap((text, i) =>
    /\/\/ error TS\d/.test(text) ? [{ at: `${file}:${i + 1}`, codes: text.match(/TS\d+/g) }] : []);
}

function clean(errors, label) {
  if (errors.length) throw new AssertionError(`${label}:\n${errors.map((e) => `${e.at} ${e.code} ${e.text}`).join('\n')}`);
}

function failsAsMarked(errors, file, label) {
  const expected = marked(file);
  const missing = expected.filter((m) => !errors.some((e) => e.at === m.at && m.codes.includes(e.code)));
  const extra = errors.filter((e) => !expected.some((m) => m.at === e.at));
  if (missing.length || extra.length) {
    throw new AssertionError(`${label}: ${missing.map((m) => `no ${m.codes.join('/')} at ${m.at}`).join(', ')}` +
      `${extra.map((e) => `\nunexpected ${e.at} ${e.code} ${e.text}`).join('')}`);
  }
}

for (const [ts, version] of [['typescript', 'latest'], ['typescript5', '5']]) {
  const label = `tsc: TypeScript ${version}`;

  test(`${label}, (a) 'als-wasm', /async_hooks, /global, /async-context, /opentelemetry and carrier typecheck (nodenext, node16, bundler)`, async () => {
    const files = ['usage.ts', 'als-wasm.ts', 'global.ts', 'async-context.ts', 'async-context-global.ts', 'opentelemetry.ts'];
    await each(Object.entries(resolutions), async ([name, options]) => clean(await tsc(ts, `a-${name}`, options, files), name));
  });

  test(`${label}, (b) 'node:async_hooks' mapped by paths to async_hooks.d.ts and to index.d.ts`, async () => {
    await each(['async_hooks.d.ts', 'index.d.ts'], async (file) => {
      const [good, bad] = await Promise.all([
        tsc(ts, `b-${file}`, mapped(file), ['node-style.ts']),
        tsc(ts, `b-fail-${file}`, mapped(file), ['must-fail-mapped.ts']),
      ]);
      clean(good, file);
      failsAsMarked(bad, 'must-fail-mapped.ts', file);
    });
  });

  test(`${label}, lines that must not typecheck are errors`, async () => {
    failsAsMarked(await tsc(ts, 'must-fail', resolutions.nodenext, ['must-fail.ts']), 'must-fail.ts', 'nodenext');
  });

  test(`${label}, als-wasm's types stand alone (no @types/node, target es2022, default lib)`, async () => {
    clean(await tsc(ts, 'alone', { ...resolutions.bundler, types: [] }, ['als-wasm.ts', 'global.ts']), 'bundler');
  });

  test(`${label}, a CommonJS .cts file importing als-wasm typechecks (node16, nodenext)`, async () => {
    await each(['node16', 'nodenext'], async (name) => clean(await tsc(ts, `cjs-${name}`, resolutions[name], ['cjs.cts']), name));
  });
}
