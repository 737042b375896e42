// node integrations/angular/build.mjs (from js-tests/): builds the Angular
// app with the Angular CLI itself (`ng build`, @angular/build's application
// builder), once per configuration of angular.json, into
// js-tests/.bundled/integrations/angular/<build>/ (ignored by git), and
// checks from the CLI's stats (its esbuild metafile) and output what each
// page's result depends on: one copy of @opentelemetry/api and of als-wasm,
// als-wasm only where wanted, zone.js only in the zone.js builds, the
// build's own variant file, and native await kept in the zoneless builds but
// compiled to generators by the CLI where zone.js is in polyfills.
// The CLI needs Node >= 22.22.3: ANGULAR_NODE, else the repository's
// .tools/ Node, else this Node. Nothing downloads: analytics off, no fonts
// inlined, no cache.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUILDS } from './builds.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outRoot = here('../../.bundled/integrations/angular/');


function cliNode() {
  const candidates = [process.env.ANGULAR_NODE, here('../../../.tools/node_modules/.bin/node'), process.execPath];
  for (const node of candidates.filter((c) => c && existsSync(c))) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const [major, minor] = version.slice(1).split('.').map(Number);
    if (major > 24 || (major === 24 && minor >= 15) || (major === 22 && minor >= 22)) return node;
  }
  throw new Error('no Node >= 22.22.3 for the Angular CLI: set ANGULAR_NODE');
}

const packages = (metafile, re) => new Set(Object.keys(metafile.inputs).map((p) => p.match(re)?.[1]).filter(Boolean));

async function one(node, { name, zone, ours }) {
  const outdir = `${outRoot}${name}`;
  // Never a stale build: a failed one must show as an error.
  await rm(outdir, { recursive: true, force: true });
  const started = performance.now();
  const ng = spawnSync(node, [here('node_modules/@angular/cli/bin/ng.js'), 'build', '--configuration', name], {
    cwd: here('.'),
    encoding: 'utf8',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (ng.status !== 0) throw new Error(`ng build --configuration ${name} exited ${ng.status}:\n${ng.stdout}${ng.stderr}`);

  const metafile = JSON.parse(await readFile(`${outdir}/browser-stats.json`, 'utf8'));
  const apis = packages(metafile, /^(.*node_modules\/@opentelemetry\/api)\//);
  if (apis.size !== 1) throw new Error(`${apis.size} copies of @opentelemetry/api: ${[...apis].join(', ')}`);
  const als = packages(metafile, /^(.*node_modules\/als-wasm)\//);
  if (als.size !== (ours ? 1 : 0)) throw new Error(`${als.size} copies of als-wasm bundled: ${[...als].join(', ')}`);
  const zones = packages(metafile, /^(.*node_modules\/zone\.js)\//);
  if (zones.size !== (zone ? 1 : 0)) throw new Error(`${zones.size} copies of zone.js bundled`);

  const files = (await readdir(outdir)).filter((f) => /^main-.*\.js$/.test(f));
  if (files.length !== 1) throw new Error(`${files.length} main-*.js files`);
  const code = await readFile(`${outdir}/${files[0]}`, 'utf8');
  // The variant is this build's (angular.json's fileReplacements applied;
  // the metafile names a replaced file by the path it replaced).
  const variants = (code.match(/\bbuild:"[\w-]+"/g) ?? []).join(', ');
  if (variants !== `build:"${name}"`) throw new Error(`the bundled variant is ${variants || 'none'}`);

  // click-flow.ts's first request, as the CLI prints it: a native await, or
  // a yield where the CLI compiled async/await away for zone.js.
  const first = /\b(await|yield) [\w$]+\("fetch-first"\)/.exec(code)?.[1];
  if (first !== (zone ? 'yield' : 'await')) throw new Error(`the first request is ${first ? `a ${first}` : 'not found'} in ${files[0]}`);
  if (!(await readFile(`${outdir}/index.html`, 'utf8')).includes(`src="${files[0]}"`)) throw new Error('index.html does not load main');
  console.log(`built .bundled/integrations/angular/${name}/ with ng build in ${seconds} s (${files[0]} ${Math.round(code.length / 1024)} KiB, ${zone ? 'async/await compiled to generators' : 'native await'})`);
}

const node = cliNode();
let failed = 0;
for (const b of BUILDS) {
  try {
    await one(node, b);
  } catch (e) {
    failed++;
    console.log(`FAIL building .bundled/integrations/angular/${b.name}/: ${e?.stack ?? e}`);
  }
}
process.exitCode = failed ? 1 : 0;
