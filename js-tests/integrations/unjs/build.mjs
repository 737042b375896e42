// node integrations/unjs/build.mjs (from js-tests/): bundles, with esbuild
// as a user's app, into js-tests/.bundled/integrations/unjs/<build>/:
//   first, first-plugin   import 'als-wasm/global' first, then unenv and unctx
//                         (first-plugin: with als-wasm/plugin)
//   late, late-plugin     unenv evaluated before als-wasm/global (the mistake;
//                         late-plugin: with the plugin, which makes it say so)
//   control               no als-wasm
//   hono, hono-control    a Service Worker with Hono's contextStorage(), its
//                         node:async_hooks aliased to als-wasm/async_hooks, or
//                         to the one-variable stand-in users paste
// Everything resolves from this folder's node_modules (als-wasm installed
// there from the packed tarball). Checks from the metafile and the output
// what each page depends on, and fails (exit code 1) when a build is not
// what it says.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import alsWasm from 'als-wasm/plugin';
import { page } from '../../bundlers/page.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outRoot = here('../../.bundled/integrations/unjs/');

const UNJS = [
  { name: 'first', entry: 'entry-first.mjs', plugin: false, ours: true },
  { name: 'first-plugin', entry: 'entry-first.mjs', plugin: true, ours: true },
  { name: 'late', entry: 'entry-late.mjs', plugin: false, ours: true },
  { name: 'late-plugin', entry: 'entry-late.mjs', plugin: true, ours: true },
  { name: 'control', entry: 'entry-control.mjs', plugin: false, ours: false },
];
const HONO = [
  { name: 'hono', ours: true },
  { name: 'hono-control', ours: false },
];

const options = {
  bundle: true,
  platform: 'browser',
  target: 'esnext',
  metafile: true,
  write: false,
  logLevel: 'warning',
};

// The packages (by folder under node_modules) a build bundled.
const packagesOf = (metafile) => {
  const found = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) found.set(m[1], (found.get(m[1]) ?? 0) + 1);
  }
  return found;
};

// Where in the output a module's own line is: modules come out in the
// order they are evaluated.
const at = (code, text) => {
  const i = code.indexOf(text);
  if (i < 0) throw new Error(`${JSON.stringify(text)} not in the output`);
  return i;
};

async function emit(outdir, outputFiles, extra = []) {
  for (const f of outputFiles) await writeFile(f.path, f.contents);
  for (const [file, text] of extra) await writeFile(`${outdir}/${file}`, text);
}

async function unjs({ name, entry, plugin, ours }) {
  const outdir = `${outRoot}${name}`;
  const { metafile, outputFiles } = await build({
    ...options,
    entryPoints: { app: here(entry) },
    outdir,
    format: 'esm',
    define: { UNJS_BUILD: JSON.stringify(name) },
    plugins: plugin ? [alsWasm.esbuild()] : [],
  });
  const packages = packagesOf(metafile);
  if (packages.has('als-wasm') !== ours) throw new Error(`als-wasm ${ours ? 'not ' : ''}bundled`);
  for (const pkg of ['unenv', 'unenv-2', 'unctx']) if (!packages.has(pkg)) throw new Error(`${pkg} not bundled`);
  const code = outputFiles.find((f) => f.path.endsWith('app.js')).text;
  // One copy of each unenv: its fallback class, once.
  const fallbacks = code.match(/var _AsyncLocalStorage\d* = class/g)?.length ?? 0;
  if (fallbacks !== 2) throw new Error(`${fallbacks} copies of unenv's fallback class, not 2`);
  // The plugin notes the two unenvs' reads at evaluation, not unctx's (in a
  // function, at createContext).
  const notes = [...code.matchAll(/als-wasm\.early-reads"\)\] = \[\]\)\)\.push\("([^"]+)"\)/g)].map((m) => m[1]).join(', ');
  if (notes !== (plugin ? 'unenv, unenv-2' : '')) throw new Error(`the plugin's notes in the output: ${notes || 'none'}`);
  if (ours) {
    const unenvFirst = at(code, 'globalThis.AsyncLocalStorage || _AsyncLocalStorage') < at(code, 'installGlobal();');
    if (unenvFirst !== name.startsWith('late')) throw new Error(`unenv evaluated ${unenvFirst ? 'before' : 'after'} als-wasm/global`);
  }
  await emit(outdir, outputFiles, [['index.html', page({ title: `unenv and unctx: ${name}`, bundle: 'app.js', plugin })]]);
  return code.length;
}

// The control's node:async_hooks.
const oneVariable = {
  name: 'one-variable-async-hooks',
  setup(b) {
    b.onResolve({ filter: /^(node:)?async_hooks$/ }, () => ({ path: here('one-variable-shim.mjs') }));
  },
};

async function hono({ name, ours }) {
  const outdir = `${outRoot}${name}`;
  const sw = await build({
    ...options,
    entryPoints: { sw: here('hono-sw.mjs') },
    outdir,
    // Service workers take no top-level await and, in some browsers, no modules.
    format: 'iife',
    ...(ours ? { alias: { 'node:async_hooks': 'als-wasm/async_hooks' } } : { plugins: [oneVariable] }),
  });
  const packages = packagesOf(sw.metafile);
  if (packages.has('als-wasm') !== ours) throw new Error(`als-wasm ${ours ? 'not ' : ''}bundled in the service worker`);
  if (!packages.has('hono')) throw new Error('hono not bundled');
  const shim = Object.keys(sw.metafile.inputs).some((p) => p.endsWith('one-variable-shim.mjs'));
  if (shim === ours) throw new Error(`the one-variable stand-in ${shim ? '' : 'not '}bundled`);
  const pageBuild = await build({
    ...options,
    entryPoints: { app: here('hono-page.mjs') },
    outdir,
    format: 'esm',
    define: { HONO_BUILD: JSON.stringify(name) },
  });
  await emit(outdir, [...sw.outputFiles, ...pageBuild.outputFiles], [['index.html', page({ title: `Hono in a Service Worker: ${name}`, bundle: 'app.js', plugin: false })]]);
  return sw.outputFiles[0].text.length;
}

let failed = 0;
for (const [kind, list] of [[unjs, UNJS], [hono, HONO]]) {
  for (const b of list) {
    const started = performance.now();
    try {
      await rm(`${outRoot}${b.name}`, { recursive: true, force: true });
      await mkdir(`${outRoot}${b.name}`, { recursive: true });
      const size = await kind(b);
      console.log(`built .bundled/integrations/unjs/${b.name}/ in ${((performance.now() - started) / 1000).toFixed(2)} s (${Math.round(size / 1024)} KiB)`);
    } catch (e) {
      failed++;
      console.log(`FAIL building .bundled/integrations/unjs/${b.name}/: ${e?.stack ?? e}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
