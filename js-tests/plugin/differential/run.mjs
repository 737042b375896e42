// The plugin's differential test (issue 24): random async programs
// (generate.mjs), each run as written in Node 24 with node:async_hooks (the
// reference) and, rewritten by als-wasm/plugin and bundled by esbuild with
// als-wasm's browser build, in headless Chromium, each program in a fresh
// browser context. The stores at every checkpoint must be Node's: a leak (the
// browser saw another store) or a loss (it saw none) fails the program, as
// does a checkpoint reached on one side only. A control builds the same
// programs without the plugin: its losses are reported (they show the test
// can fail), and the run fails if the control loses nothing at all.
//   node js-tests/plugin/differential/run.mjs
// env: SEED (the first program's seed; program i gets SEED + i; a random one
// by default, printed), PROGRAMS (200), CONTROL=0 (no control run),
// CONTROL_PROGRAMS (50: the control runs the first ones only; nine in ten lose),
// THEN_BODIES=0 (no checkpoints in a thenable's then) / CONCURRENT_NEXT=0 (no async
// generator's next() called before the last one settled), HOOK_OFF=1 (the whole
// bundle rewritten with the await hook off: `packages: true, awaitHook: false`), WITH_FIREFOX=1 (the plugin's bundles in headless Firefox as well:
// FIREFOX, GECKODRIVER as for runners/firefox.mjs), KEEP=1 (keep the scratch folder), VERBOSE=1 (every difference and
// both logs of a failing program), PLAYWRIGHT_CORE (default: .tools'),
// CHROMIUM, NODE24 (the reference's node; by default this node if it is 24
// or later, else .tools/node_modules/.bin/node).
// Replay one program: SEED=<its seed> PROGRAMS=1; see its source with
// `node js-tests/plugin/differential/show.mjs <seed>`. FILES=a.mjs,b.mjs runs
// programs written by hand instead (importing from '__ALS_MODULE__'), as
// the minimized ones in minimized/.
// Ends with RESULT {"passed":N,"failed":M}: one test per program, one for the
// control.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { esbuild as alsPlugin } from 'als-wasm/plugin';
import { launchChromium, pagePool } from '../../runners/chromium.mjs';
import { serve } from '../../runners/serve.mjs';
import { compare, showDiff } from './compare.mjs';
import { generate, IMPORT_PLACEHOLDER } from './generate.mjs';

const started = Date.now();
const jsTests = fileURLToPath(new URL('../../', import.meta.url));
const env = process.env;
const seed = (env.SEED ? Number(env.SEED) : Math.floor(Math.random() * 2 ** 31)) >>> 0;
const programs = env.FILES ? env.FILES.split(',').length : Number(env.PROGRAMS ?? 200);
const control = env.CONTROL !== '0';
const withFirefox = env.WITH_FIREFOX === '1';
const pluginOptions = env.HOOK_OFF === '1' ? { packages: true, awaitHook: false } : {};
const options = { thenBodies: env.THEN_BODIES !== '0', concurrentNext: env.CONCURRENT_NEXT !== '0' };
const PAGE_TIMEOUT_MS = 20_000;
const PARALLEL_PAGES = 2;

function referenceNode() {
  if (env.NODE24) return env.NODE24;
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  const tools = join(jsTests, '../.tools/node_modules/.bin/node');
  if (existsSync(tools)) return tools;
  throw new Error('the reference needs Node 24 or later: set NODE24');
}

// playwright-core as the project installs it, unless PLAYWRIGHT_CORE says.
const toolsPlaywright = join(jsTests, '../.tools/node_modules/playwright-core');
if (!env.PLAYWRIGHT_CORE && existsSync(toolsPlaywright)) env.PLAYWRIGHT_CORE = toolsPlaywright;

const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
console.log(
  `differential: seed=${seed} programs=${programs}${options.thenBodies ? '' : ' THEN_BODIES=0'}${options.concurrentNext ? '' : ' CONCURRENT_NEXT=0'}${env.HOOK_OFF === '1' ? ' HOOK_OFF=1' : ''}`,
);

// The scratch folder: each program as Node runs it (p<i>.node.mjs) and as
// the bundles get it (p<i>.mjs), an entry and a page per program and build.
const dir = join(jsTests, '.scratch/differential', `${seed}-${programs}`);
await rm(dir, { recursive: true, force: true });
await mkdir(join(dir, 'src'), { recursive: true });
// FILES=a.mjs,b.mjs: hand-written programs (a minimized one) instead.
const files = env.FILES ? env.FILES.split(',') : null;
const seeds = files ? files.map((_, i) => i) : Array.from({ length: programs }, (_, i) => (seed + i) >>> 0);
const builds = control ? ['plugin', 'control'] : ['plugin'];
const controlPrograms = Math.min(programs, Number(env.CONTROL_PROGRAMS ?? 50));
// The programs each build runs.
const seedsOf = (build) => (build === 'control' ? seeds.slice(0, controlPrograms) : seeds);
await Promise.all(
  seeds.map(async (s, i) => {
    const source = files ? await readFile(files[i], 'utf8') : generate(s, options);
    await writeFile(join(dir, `src/p${i}.node.mjs`), source.replace(IMPORT_PLACEHOLDER, 'node:async_hooks'));
    await writeFile(join(dir, `src/p${i}.mjs`), source.replace(IMPORT_PLACEHOLDER, 'als-wasm'));
    await writeFile(join(dir, `src/e${i}.js`), entry(i));
    for (const build of builds) {
      await writeFile(join(dir, `${build}-${i}.html`), `<!doctype html>\n<script type="module" src="${build}/e${i}.js"></script>\n`);
    }
  }),
);

// The page's entry: runs main() and publishes its log (or what went wrong).
function entry(i) {
  return `import { main } from './p${i}.mjs';
const problems = [];
addEventListener('unhandledrejection', (e) => problems.push('unhandled rejection: ' + (e.reason?.stack ?? e.reason)));
addEventListener('error', (e) => problems.push('error: ' + e.message));
const log = [];
main(log).then(
  () => setTimeout(() => { globalThis.__alsResult = problems.length ? { error: problems.join('; ') } : { log }; }, 0),
  (e) => { globalThis.__alsResult = { error: String(e?.stack ?? e) }; },
);
`;
}

// Node's logs, while the bundles build and the browser runs.
const reference = new Promise((resolve, reject) => {
  const nodeFiles = seeds.map((_, i) => join(dir, `src/p${i}.node.mjs`));
  const child = spawn(referenceNode(), [fileURLToPath(new URL('node-reference.mjs', import.meta.url)), ...nodeFiles], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.on('error', reject);
  child.on('close', (code) => {
    const logs = new Map();
    for (const line of out.split('\n')) {
      if (!line.startsWith('PROGRAM ')) continue;
      const { file, ...rest } = JSON.parse(line.slice('PROGRAM '.length));
      logs.set(file, rest);
    }
    if (logs.size !== nodeFiles.length) reject(new Error(`the Node reference exited with ${code} after ${logs.size} of ${nodeFiles.length} programs`));
    else resolve(nodeFiles.map((f) => logs.get(f)));
  });
});
reference.catch(() => {});

for (const build of builds) {
  await esbuild.build({
    entryPoints: Object.fromEntries(seedsOf(build).map((_, i) => [`e${i}`, join(dir, `src/e${i}.js`)])),
    outdir: join(dir, build),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'esnext',
    logLevel: 'error',
    plugins: build === 'plugin' ? [alsPlugin(pluginOptions)] : [],
  });
}
console.log(`built ${builds.join(' and ')} bundles (${seconds()})`);

// Each program in a fresh realm: a new document, PARALLEL_PAGES pages at a
// time, each navigating from one program's page to the next (pagePool; a new
// browser context per program costs three times as long, for no realm
// fresher). A page error fails its program even when a log came.
const { server, origin } = await serve(dir);
const browser = await launchChromium();
const browserLogs = Object.fromEntries(builds.map((b) => [b, []]));
const queue = builds.flatMap((build) => seedsOf(build).map((_, i) => ({ build, i })));
const pages = queue.length;
const inPage = pagePool(browser);
async function worker() {
  for (let job; (job = queue.shift()) !== undefined; ) {
    const { build, i } = job;
    const url = `${origin}/${build}-${i}.html`;
    try {
      browserLogs[build][i] = await inPage(url, { log: () => {}, timeout: PAGE_TIMEOUT_MS, pageErrorsFail: true });
    } catch (e) {
      browserLogs[build][i] = { error: String(e?.message ?? e) };
    }
  }
}
try {
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker));
  console.log(`ran ${pages} pages in Chromium (${seconds()})`);
  if (withFirefox) {
    browserLogs.firefox = await inFirefox();
    console.log(`ran ${programs} pages in Firefox (${seconds()})`);
  }
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections?.();
}

// WITH_FIREFOX=1: the plugin's bundles in headless Firefox too, one session,
// each program a new document.
async function inFirefox() {
  const { launchFirefox } = await import('../../runners/firefox.mjs');
  const { pageValue } = await import('../../runners/webdriver.mjs');
  const driver = await launchFirefox();
  const logs = [];
  try {
    for (const i of seeds.keys()) {
      await driver.wd('POST', `${driver.session}/url`, { url: `${origin}/plugin-${i}.html` });
      const value = await pageValue(driver, 'globalThis.__alsResult', { timeout: PAGE_TIMEOUT_MS, every: 10 });
      logs[i] = value ?? { error: `no result in ${PAGE_TIMEOUT_MS} ms` };
    }
  } finally {
    await driver.close();
  }
  return logs;
}
const nodeLogs = await reference;

// The comparison, per program and browser.
let passed = 0;
let failed = 0;
const show = (entry) => entry.map((s) => s ?? '-').join(' ');
function judge(host, logs) {
  const total = { checkpoints: 0, leaks: 0, losses: 0, missing: 0, extra: 0 };
  for (const [i, s] of seeds.entries()) {
    const replay = files ? files[i] : `seed=${s} (SEED=${s} PROGRAMS=1)`;
    const ref = nodeLogs[i];
    if (ref.error) {
      failed++;
      console.log(`FAIL program ${replay}: the program failed in Node (a generator bug): ${ref.error}`);
      continue;
    }
    const got = logs[i];
    if (got.error) {
      failed++;
      console.log(`FAIL program ${replay}: in ${host}: ${got.error}`);
      continue;
    }
    const result = compare(ref.log, got.log);
    for (const k of Object.keys(total)) total[k] += result[k];
    const bad = result.leaks + result.losses + result.missing + result.extra + result.duplicates.length;
    if (bad === 0) {
      passed++;
      continue;
    }
    failed++;
    const what = ['leaks', 'losses', 'missing', 'extra'].map((k) => `${result[k]} ${k}`).join(', ');
    const dup = result.duplicates.length ? `, labels reached twice: ${result.duplicates.join(' ')}` : '';
    console.log(`FAIL program ${replay} in ${host}: ${what} of ${result.checkpoints} checkpoints${dup}`);
    const shown = env.VERBOSE === '1' ? result.diffs.length : 12;
    for (const d of result.diffs.slice(0, shown)) console.log(`  ${showDiff(d)}`);
    if (result.diffs.length > shown) console.log(`  … ${result.diffs.length - shown} more`);
    if (env.VERBOSE === '1') {
      console.log(`  Node's log, in its order:\n    ${ref.log.map(show).join('\n    ')}`);
      console.log(`  ${host}'s log, in its order:\n    ${got.log.map(show).join('\n    ')}`);
    }
  }
  console.log(
    `plugin in ${host}: ${programs} programs, ${total.checkpoints} checkpoints: ${total.leaks} leaks, ${total.losses} losses, ${total.missing} missing, ${total.extra} extra`,
  );
}
judge('Chromium', browserLogs.plugin);
if (withFirefox) judge('Firefox', browserLogs.firefox);

// The control: counted, not judged per program.
const controlTotal = { checkpoints: 0, leaks: 0, losses: 0, missing: 0, extra: 0, programsWithLosses: 0, errors: 0 };
for (const i of control ? seedsOf('control').keys() : []) {
  const ref = nodeLogs[i];
  const c = browserLogs.control[i];
  if (ref.error || c.error) {
    controlTotal.errors++;
    continue;
  }
  const r = compare(ref.log, c.log);
  for (const k of ['checkpoints', 'leaks', 'losses', 'missing', 'extra']) controlTotal[k] += r[k];
  if (r.losses > 0) controlTotal.programsWithLosses++;
}
if (control) {
  const { programsWithLosses, errors, ...counts } = controlTotal;
  console.log(
    `control (no plugin): ${counts.checkpoints} checkpoints: ${counts.leaks} leaks, ${counts.losses} losses (in ${programsWithLosses} of ${controlPrograms} programs), ${counts.missing} missing, ${counts.extra} extra${errors ? `, ${errors} programs failed` : ''}`,
  );
  // The control must lose stores somewhere, or the test could not fail.
  if (controlPrograms >= 20) {
    if (counts.losses > 0) passed++;
    else {
      failed++;
      console.log('FAIL control: the programs built without the plugin lost no store: the test could not fail');
    }
  }
}
if (env.KEEP === '1') console.log(`scratch folder kept: ${dir}`);
else await rm(dir, { recursive: true, force: true });
console.log(`differential: seed=${seed}, ${seconds()}`);
console.log(`RESULT ${JSON.stringify({ passed, failed })}`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
