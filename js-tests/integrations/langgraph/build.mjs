// node integrations/langgraph/build.mjs (from js-tests/): bundles the
// LangGraph pages with esbuild, as a user's browser app, into
// js-tests/.bundled/integrations/langgraph/<build>/ (ignored by git):
// index.html (the 20 runs in the page), sw.html and sw.js (the same runs in
// a Service Worker). Builds:
//   als-wasm        the one-line setup (setup/als-wasm.mjs), no alias;
//   als-wasm-alias  no setup line: node:async_hooks aliased to
//                   als-wasm/async_hooks, and LangChain's Node entry for
//                   custom events (dispatch/node.mjs) fills the slot;
//   control         neither: LangChain's default in browsers;
//   leaky-storage   a storage that keeps the last store any run entered
//                   (setup/leaky-storage.mjs): it must leak, so the counts
//                   are shown to see leaks.
// Checks from the metafile what each result depends on, and that the alias
// build's code does not build without the alias (so whether the alias is
// needed is measured, not assumed). Exits non-zero on any failure.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { page } from '../../bundlers/page.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outRoot = here('../../.bundled/integrations/langgraph/');
const ALIAS = { 'node:async_hooks': 'als-wasm/async_hooks', async_hooks: 'als-wasm/async_hooks' };

export const BUILDS = [
  { name: 'als-wasm', setup: 'als-wasm', dispatch: 'web', alias: false },
  { name: 'als-wasm-alias', setup: 'none', dispatch: 'node', alias: true },
  { name: 'control', setup: 'none', dispatch: 'web', alias: false },
  { name: 'leaky-storage', setup: 'leaky-storage', dispatch: 'web', alias: false },
];

// 'langgraph-setup' and 'langgraph-dispatch' are the build's files.
const parts = ({ setup, dispatch }) => ({
  name: 'langgraph-parts',
  setup(b) {
    b.onResolve({ filter: /^langgraph-setup$/ }, () => ({ path: here(`setup/${setup}.mjs`) }));
    b.onResolve({ filter: /^langgraph-dispatch$/ }, () => ({ path: here(`dispatch/${dispatch}.mjs`) }));
  },
});

const bundle = (b, entryPoints, format, outdir, alias = b.alias) => build({
  entryPoints,
  outdir,
  bundle: true,
  format,
  platform: 'browser',
  target: 'esnext',
  define: { LANGGRAPH_BUILD: JSON.stringify(b.name) },
  alias: alias ? ALIAS : {},
  plugins: [parts(b)],
  metafile: true,
  write: false,
  logLevel: 'silent',
});

const has = (metafile, re) => Object.keys(metafile.inputs).some((p) => re.test(p));
const copies = (metafile, re) => new Set(Object.keys(metafile.inputs).map((p) => p.match(re)?.[1]).filter(Boolean));

// What one output must depend on, given its build.
function check(b, file, metafile) {
  const fail = (what) => {
    throw new Error(`${file}: ${what}`);
  };
  for (const lib of ['@langchain/core', '@langchain/langgraph']) {
    const found = copies(metafile, new RegExp(`^(.*node_modules/${lib})/`));
    if (found.size !== 1) fail(`${found.size} copies of ${lib}: ${[...found].join(', ')}`);
  }
  const ours = has(metafile, /node_modules\/als-wasm\//);
  if (ours !== b.name.startsWith('als-wasm')) fail(`als-wasm ${ours ? '' : 'not '}bundled`);
  if (!has(metafile, /node_modules\/@langchain\/langgraph\/dist\/web\.js$/)) fail("LangGraph's browser entry (dist/web.js) not bundled");
  // LangChain's Node entries, the ones that import node:async_hooks.
  const nodeEntries = has(metafile, /@langchain\/core\/dist\/(callbacks\/dispatch\/index|context)\.js$|@langchain\/langgraph\/dist\/node\.js$/);
  if (nodeEntries !== b.alias) fail(`LangChain's Node entries ${nodeEntries ? '' : 'not '}bundled`);
  const aliased = has(metafile, /node_modules\/als-wasm\/async_hooks[^/]*\.js$/);
  if (aliased !== b.alias) fail(`als-wasm/async_hooks ${aliased ? '' : 'not '}bundled`);
}

async function one(b) {
  const outdir = `${outRoot}${b.name}`;
  // Never a stale build: a failed one must show as an error.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const started = performance.now();
  const pages = await bundle(b, { app: here('app.mjs'), 'sw-page': here('sw-page.mjs') }, 'esm', outdir);
  // Service workers take no module scripts in every browser: a classic script.
  const sw = await bundle(b, { sw: here('sw.mjs') }, 'iife', outdir);
  check(b, 'app.js', pages.metafile);
  check(b, 'sw.js', sw.metafile);
  for (const f of [...pages.outputFiles, ...sw.outputFiles]) await writeFile(f.path, f.contents);
  await writeFile(`${outdir}/index.html`, page({ title: `LangGraph: ${b.name}, in a page`, bundle: 'app.js', plugin: false }));
  await writeFile(`${outdir}/sw.html`, page({ title: `LangGraph: ${b.name}, in a Service Worker`, bundle: 'sw-page.js', plugin: false }));
  const size = (name) => Math.round(pages.outputFiles.concat(sw.outputFiles).find((f) => f.path.endsWith(name)).contents.length / 1024);
  console.log(`built .bundled/integrations/langgraph/${b.name}/ in ${((performance.now() - started) / 1000).toFixed(2)} s (app.js ${size('/app.js')} KiB, sw.js ${size('/sw.js')} KiB)`);
}

// The alias build's code without the alias: LangChain's Node entry for
// custom events must not build for a browser (it imports node:async_hooks).
async function aliasNeeded() {
  const b = BUILDS.find((x) => x.alias);
  try {
    await bundle(b, { app: here('app.mjs') }, 'esm', `${outRoot}.no-alias`, false);
  } catch (e) {
    if (e.errors?.some((m) => m.text.includes('Could not resolve "node:async_hooks"'))) {
      console.log('ok - @langchain/core/callbacks/dispatch does not build for a browser without the node:async_hooks alias');
      return;
    }
    throw e;
  }
  throw new Error('@langchain/core/callbacks/dispatch built for a browser without the alias: the alias build proves nothing more');
}

let failed = 0;
for (const step of [...BUILDS.map((b) => [b.name, () => one(b)]), ['the alias check', aliasNeeded]]) {
  try {
    await step[1]();
  } catch (e) {
    failed++;
    console.log(`FAIL building ${step[0]}: ${e?.stack ?? e}`);
  }
}
process.exitCode = failed ? 1 : 0;
