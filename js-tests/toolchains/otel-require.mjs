// OpenTelemetry's API is a dual package: require() gets its CommonJS build,
// import its ES build, each with its own ROOT_CONTEXT. A CommonJS app that
// requires the API and als-wasm/opentelemetry (or /browser) must get a
// manager over the same API copy. This project runs OpenTelemetry's manager
// cases (cases/opentelemetry*.mjs, copied in, with a subject.mjs that hands
// them what the app required) from app.cjs on Node 20, Node 24, Deno and Bun.
// The control takes the manager by import() beside the required API, as
// require() did before the package had CommonJS branches: the cases that
// compare with ROOT_CONTEXT must fail there, so a change in the API is noticed.
// The same app bundled by esbuild runs the cases in headless Chromium: the
// bundler takes the `require` branches of the `browser`/`default` side.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AssertionError, deepEqual, test } from '../support/harness.mjs';
import { launchChromium, pageResult } from '../runners/chromium.mjs';
import { pageHtml, served } from './browser-page.mjs';
import { exec, project, tool } from './project.mjs';

const jsTests = new URL('../', import.meta.url);
const fixture = (name) => readFileSync(new URL(`fixtures/otel-require/${name}`, import.meta.url), 'utf8');

let dir;
function ready() {
  dir ??= (() => {
    const files = {
      'app.cjs': fixture('app.cjs'),
      'bundle.cjs': fixture('bundle.cjs'),
      'support/subject.mjs': fixture('subject.mjs'),
      'deno.json': JSON.stringify({ nodeModulesDir: 'manual' }),
    };
    for (const name of ['harness.mjs', 'known-failures.mjs']) {
      files[`support/${name}`] = readFileSync(new URL(`support/${name}`, jsTests), 'utf8');
    }
    for (const name of readdirSync(new URL('cases/', jsTests)).filter((f) => f.startsWith('opentelemetry'))) {
      files[`cases/${name}`] = readFileSync(new URL(`cases/${name}`, jsTests), 'utf8');
    }
    return project('otel-require', { files, dependencies: ['@opentelemetry/api@1.10.0', 'esbuild@0.28', 'events@3.3.0'] });
  })();
  return dir;
}

// Runs app.cjs; answers its exit code and what it printed (the control
// exits 1, its cases failing). The harness settings that picked this group
// stay out of the app's harness, which runs every case.
async function app(command, args) {
  const cwd = await ready();
  const env = { ...process.env };
  for (const name of ['ALS_ONLY', 'ALS_CASE', 'ALS_KNOWN', 'ALS_LIST']) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

// The harness's RESULT line, the names of the failed cases, the resolved file.
function outcome({ code, out }) {
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new AssertionError(`no RESULT (exit ${code}):\n${out}`);
  return {
    code,
    out,
    ...JSON.parse(line.slice('RESULT '.length)),
    failedNames: [...out.matchAll(/^FAIL (.*)$/gm)].map((m) => m[1]),
    resolved: out.match(/^RESOLVED (.*)$/m)?.[1],
  };
}

const CASES = 82;
const hosts = [
  ['Node 20', () => 'node', []],
  ['Node 24', () => tool('node'), []],
  ['Deno', () => tool('deno'), ['run', '--allow-read', '--allow-env']],
  ['Bun', () => tool('bun'), []],
];
// What each host's require() must resolve (package.json's require branches).
const resolvedBy = {
  'als-wasm/opentelemetry': { 'Node 20': 'opentelemetry/node.cjs', 'Node 24': 'opentelemetry/node.cjs', Deno: 'opentelemetry/node.cjs', Bun: 'opentelemetry/native.cjs' },
  'als-wasm/opentelemetry/browser': { 'Node 20': 'opentelemetry/browser.node.cjs', 'Node 24': 'opentelemetry/browser.node.cjs', Deno: 'opentelemetry/browser.node.cjs', Bun: 'opentelemetry/browser.cjs' },
};
// The control's failures: every case that compares a context with the
// required API's ROOT_CONTEXT, or whose manager answers the ES build's.
const CONTROL_FAILS = 25;
const ROOT_CASE = 'otel Stack: .enable() should work';

for (const [host, command, args] of hosts) {
  for (const specifier of Object.keys(resolvedBy)) {
    test(`otel-require: ${host}, require('${specifier}') beside require('@opentelemetry/api'): OpenTelemetry's ${CASES} manager cases pass`, async () => {
      const result = outcome(await app(command(), [...args, 'app.cjs', specifier]));
      deepEqual(
        { resolved: result.resolved, passed: result.passed, failed: result.failed, failedNames: result.failedNames, code: result.code },
        { resolved: resolvedBy[specifier][host], passed: CASES, failed: 0, failedNames: [], code: 0 },
        result.out.slice(-3000),
      );
    });
    test(`otel-require: ${host}, control: the manager from import('${specifier}') beside require('@opentelemetry/api') fails the ROOT_CONTEXT cases`, async () => {
      const result = outcome(await app(command(), [...args, 'app.cjs', specifier, 'import']));
      deepEqual(
        { passed: result.passed, failed: result.failed, hasRootCase: result.failedNames.includes(ROOT_CASE) },
        { passed: CASES - CONTROL_FAILS, failed: CONTROL_FAILS, hasRootCase: true },
        result.failedNames.join('\n'),
      );
    });
  }
}

// bundle.cjs built for a page, the manager from `specifier` by require() or
// (control) import(); an ES module bundle, so that the cases keep their
// strict mode. Answers the harness's result in headless Chromium,
// the FAIL lines' names and the bundle's text (esbuild names each file it
// took in a comment).
async function inChromium(specifier, how) {
  const cwd = await ready();
  const name = `${specifier.replaceAll('/', '-')}-${how}`;
  await exec(join(cwd, 'node_modules/.bin/esbuild'), [
    // node:events: the cases' Node-only branch, never taken in a page.
    'bundle.cjs', '--bundle', '--format=esm', '--platform=browser', '--target=esnext', '--log-level=warning', '--external:node:events',
    `--alias:otel-manager=${specifier}`, `--define:process.env.OTEL_HOW="${how}"`, `--outfile=dist/${name}.js`,
  ], { cwd });
  await writeFile(join(cwd, `dist/${name}.html`), pageHtml({ script: `<script type="module" src="${name}.js"></script>` }));
  const failedNames = [];
  const log = (line) => line.startsWith('FAIL ') && failedNames.push(line.split('\n')[0].slice('FAIL '.length));
  const browser = await launchChromium();
  try {
    // The project is served whole: the cases fetch npm's `events` from /node_modules.
    const result = await served(cwd, (origin) => pageResult(browser, `${origin}/dist/${name}.html`, { log }));
    return { ...result, failedNames, js: await readFile(join(cwd, `dist/${name}.js`), 'utf8') };
  } finally {
    await browser.close();
  }
}

// The files the bundle took for the manager, and the API's copies of
// ROOT_CONTEXT (its context module, in the CommonJS or ES build).
const taken = (js) =>
  [...js.matchAll(/^\s*\/\/ node_modules\/(als-wasm\/opentelemetry\/\S+|@opentelemetry\/api\/dist\/context\/context\.\w+)$/gm)].map((m) => m[1]).sort();
const bundledBy = {
  'als-wasm/opentelemetry': ['@opentelemetry/api/dist/context/context.cjs', 'als-wasm/opentelemetry/core.js', 'als-wasm/opentelemetry/index.cjs'],
  'als-wasm/opentelemetry/browser': ['@opentelemetry/api/dist/context/context.cjs', 'als-wasm/opentelemetry/browser.cjs', 'als-wasm/opentelemetry/core.js'],
};

for (const specifier of Object.keys(bundledBy)) {
  test(`otel-require: esbuild bundle for the browser, require('${specifier}') beside require('@opentelemetry/api'): OpenTelemetry's ${CASES} manager cases pass in Chromium`, async () => {
    const result = await inChromium(specifier, 'require');
    deepEqual(
      { taken: taken(result.js), passed: result.passed, failed: result.failed, failedNames: result.failedNames },
      { taken: bundledBy[specifier], passed: CASES, failed: 0, failedNames: [] },
    );
  });
  test(`otel-require: esbuild bundle for the browser, control: the manager from import('${specifier}') beside require('@opentelemetry/api') fails the ROOT_CONTEXT cases in Chromium`, async () => {
    const result = await inChromium(specifier, 'import');
    deepEqual(
      { passed: result.passed, failed: result.failed, hasRootCase: result.failedNames.includes(ROOT_CASE) },
      { passed: CASES - CONTROL_FAILS, failed: CONTROL_FAILS, hasRootCase: true },
      result.failedNames.join('\n'),
    );
  });
}
