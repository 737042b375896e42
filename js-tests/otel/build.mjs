// node otel/build.mjs: bundles the OpenTelemetry end-to-end page (app.mjs)
// with esbuild into js-tests/.bundled/otel/<build>/ (ignored by git), once
// per context manager (managers/*.mjs): ours, zone.js's, the stack one,
// zone.js's again with async/await compiled to generators (OTel's
// documented workaround), and ours with zone.js loaded first (native and
// compiled async/await). Everything resolves from js-tests/otel/node_modules
// (OTel's 2.x web line and als-wasm, installed there by xtask). Checks what
// a page's result depends on: one copy of @opentelemetry/api, native await
// kept (or compiled away) in the page's own code, zone.js only where wanted.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { page } from '../bundlers/page.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outRoot = here('../.bundled/otel/');

export const BUILDS = [
  { name: 'ours', manager: 'ours', downlevel: false },
  { name: 'zone', manager: 'zone', downlevel: false },
  { name: 'stack', manager: 'stack', downlevel: false },
  { name: 'zone-downleveled', manager: 'zone', downlevel: true },
  { name: 'ours-zone', manager: 'ours-zone', downlevel: false },
  { name: 'ours-zone-downleveled', manager: 'ours-zone', downlevel: true },
];

// The page imports its manager as 'otel-context-manager'.
const managerOf = (file) => ({
  name: 'otel-context-manager',
  setup(b) {
    b.onResolve({ filter: /^otel-context-manager$/ }, () => ({ path: file }));
  },
});

const inputs = (metafile, re) => new Set(Object.keys(metafile.inputs).map((p) => p.match(re)?.[1]).filter(Boolean));

async function one({ name, manager, downlevel }) {
  const outdir = `${outRoot}${name}`;
  // Never a stale build: a failed one must show as an error.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const started = performance.now();
  const { metafile, outputFiles } = await build({
    entryPoints: { app: here('app.mjs') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'esnext',
    supported: downlevel ? { 'async-await': false, 'async-generator': false } : {},
    define: { OTEL_BUILD: JSON.stringify(name) },
    plugins: [managerOf(here(`managers/${manager}.mjs`))],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const code = outputFiles.find((f) => f.path.endsWith('app.js'))?.text ?? '';
  const apis = inputs(metafile, /^(.*node_modules\/@opentelemetry\/api)\//);
  if (apis.size !== 1) throw new Error(`${apis.size} copies of @opentelemetry/api: ${[...apis].join(', ')}`);
  const zone = inputs(metafile, /node_modules\/(zone\.js)\//).size > 0;
  if (zone !== manager.includes('zone')) throw new Error(`zone.js ${zone ? '' : 'not '}bundled`);
  const ours = inputs(metafile, /node_modules\/(als-wasm)\//).size > 0;
  if (ours !== manager.startsWith('ours')) throw new Error(`als-wasm ${ours ? '' : 'not '}bundled`);
  // actions.mjs's own line, as esbuild prints it: native await, or a yield.
  const native = code.includes('await io.get(io.url(i, "fetch-first"');
  const compiled = code.includes('yield io.get(io.url(i, "fetch-first"');
  if (downlevel ? native || !compiled : !native) throw new Error(`async/await ${native ? 'kept' : 'compiled away'} in the page's code`);
  for (const f of outputFiles) await writeFile(f.path, f.contents);
  await writeFile(`${outdir}/index.html`, page({ title: `OpenTelemetry end to end: ${name}`, bundle: 'app.js', plugin: false }));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`built .bundled/otel/${name}/ in ${seconds} s (app.js ${Math.round(code.length / 1024)} KiB)`);
}

let failed = 0;
for (const b of BUILDS) {
  try {
    await one(b);
  } catch (e) {
    failed++;
    console.log(`FAIL building .bundled/otel/${b.name}/: ${e?.stack ?? e}`);
  }
}
process.exitCode = failed ? 1 : 0;
