// node bench/main.mjs: the whole benchmark, in one go. Every workload of
// every implementation runs in a fresh process (Node 20, Node 24, Deno, Bun)
// or a fresh browser context (Chromium) or page (Firefox, WebKit); then the sizes and
// the build time that als-wasm/plugin adds (plugin/build-time.mjs). Writes
// target/bench/bench.json and bench.md, prints the markdown and, after a
// full run, updates the table in bench/README.md.
//   env: NODE24, DENO, BUN (executables), PLAYWRIGHT_CORE, ESBUILD (package
//   directories), GECKODRIVER and FIREFOX (Firefox is skipped without them),
//   BENCH_ONLY (optional, comma-separated: host names, workload names,
//   `opentelemetry` for the OpenTelemetry workloads, `builds` and `startup`).
//   Each kind named runs only what is named, a kind not named all of it; but
//   the builds and the start-up times (startup.mjs) run only when named or
//   nothing is, and alone they run no host. Such a part leaves bench/README.md
//   as it is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IMPLS } from './impls.mjs';
import { WORKLOADS } from './workloads.mjs';
import { render } from './report.mjs';

const env = process.env;
const tests = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
const out = `${repo}target/bench`;

// `opentelemetry` names the OpenTelemetry workloads (otel/workloads.mjs).
const GROUPS = { opentelemetry: Object.keys(WORKLOADS).filter((w) => WORKLOADS[w].otel) };
const only = env.BENCH_ONLY ? env.BENCH_ONLY.split(',').flatMap((n) => GROUPS[n] ?? [n]) : [];
const server = (name, argv) => ({ name, kind: 'server', argv });
const ALL_HOSTS = [
  server('Node 20', ['node', '--expose-gc', 'bench/one.mjs']),
  server('Node 24', [env.NODE24, '--expose-gc', 'bench/one.mjs']),
  server('Deno', [env.DENO, 'run', '-A', '--v8-flags=--expose-gc', 'bench/one.mjs']),
  server('Bun', [env.BUN, 'bench/one.mjs']),
  { name: 'Chromium', kind: 'browser', argv: ['node', 'bench/chromium.mjs'] },
  { name: 'Firefox', kind: 'browser', argv: ['node', 'bench/webdriver.mjs', '--browser=firefox'], needs: ['GECKODRIVER', 'FIREFOX'] },
  { name: 'WebKit', kind: 'browser', argv: ['node', 'bench/webdriver.mjs', '--browser=webkit'] },
];
const PARTS = ['builds', 'startup'];
const unknown = only.filter((n) => !PARTS.includes(n) && !WORKLOADS[n] && !ALL_HOSTS.some((h) => h.name === n));
if (unknown.length) throw new Error(`bench: no host or workload named ${unknown.join(', ')}`);
const picked = (names) => (names.some((n) => only.includes(n)) ? names.filter((n) => only.includes(n)) : names);
const hostNames = only.length && only.every((n) => PARTS.includes(n)) ? [] : picked(ALL_HOSTS.map((h) => h.name));
const HOSTS = hostNames.map((name) => ALL_HOSTS.find((h) => h.name === name));
const WORKLOAD_NAMES = picked(Object.keys(WORKLOADS));
const full = only.length === 0;

// Which implementations a workload runs: the slow-path floor only where
// awaits are timed; the host-carried ones only on servers; the plugin's
// build only where a workload has one, and those only in browsers.
function implsFor(workload, host) {
  const w = WORKLOADS[workload];
  if (w.browsers && host.kind !== 'browser') return [];
  if (w.impls) return w.impls(host.kind);
  return IMPLS.filter((impl) => {
    if (impl === 'floor' && !w.async) return false;
    if (impl === 'als-wasm-plugin' && !w.plugin) return false;
    if (w.only && !w.only.includes(impl)) return false;
    if (host.kind === 'browser' && (impl === 'host' || impl === 'als-wasm-native')) return false;
    return true;
  });
}

// A run that measures variants side by side in one realm (the plugin
// workloads) answers { variants: { impl: result } }: a row for each.
function rows({ variants, ...row }) {
  if (!variants) return [row];
  return Object.entries(variants).map(([impl, r]) => ({ host: row.host, impl, workload: row.workload, ...r }));
}

// A workload with `rounds` (the OpenTelemetry ones) runs every
// implementation that many times, each time in a fresh realm, the
// implementations in turns: a busy moment of the shared machine then hits
// one round, not one implementation. Answers the workload names per round.
function roundsOf(names) {
  const most = Math.max(1, ...names.map((w) => WORKLOADS[w].rounds ?? 1));
  return Array.from({ length: most }, (_, round) => names.filter((w) => round < (WORKLOADS[w].rounds ?? 1)));
}

// One row per host, implementation and workload: of several rounds, the
// median one (by time per op; the lower of the two middle ones), with the
// fewest checks kept of any round and each round's time in `rounds`; a
// round that failed makes the row its error.
function mergeRounds(all) {
  const groups = new Map();
  for (const r of all) {
    const key = `${r.host}\0${r.impl}\0${r.workload}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    if (g.length === 1) return g[0];
    const bad = g.find((r) => r.error) ?? g.find((r) => r.na);
    if (bad) return bad;
    const byTime = g.slice().sort((a, b) => a.ns - b.ns);
    return { ...byTime[(byTime.length - 1) >> 1], kept: Math.min(...g.map((r) => r.kept)), rounds: g.map((r) => r.ns) };
  });
}

function jsonLines(text) {
  return text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

function exec(argv, timeout) {
  const r = spawnSync(argv[0], argv.slice(1), { cwd: tests, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  return { ok: r.status === 0, text: `${r.stdout ?? ''}`, err: `${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

function version(argv) {
  const r = exec([argv[0], '--version'], 30_000);
  return r.text.split('\n')[0].trim();
}

// The app code of the plugin workloads, with and without the plugin; if
// that fails, their runs answer an error.
if (HOSTS.some((h) => h.kind === 'browser')) {
  await import('./plugin/build-awaits.mjs').then((m) => m.buildAwaits()).catch((e) => console.error(`bench: plugin/build-awaits.mjs: ${e.stack ?? e}`));
}
// The OpenTelemetry setups, bundled for every host (otel/build.mjs).
if (WORKLOAD_NAMES.some((w) => WORKLOADS[w].otel)) {
  await import('./otel/build.mjs').then((m) => m.buildOtel()).catch((e) => console.error(`bench: otel/build.mjs: ${e.stack ?? e}`));
}

const results = [];
const versions = {};
for (const host of HOSTS) {
  if (host.needs?.some((n) => !env[n])) {
    console.error(`bench: ${host.name} skipped (set ${host.needs.join(', ')})`);
    continue;
  }
  const jobs = roundsOf(WORKLOAD_NAMES).flatMap((names) => names.flatMap((w) => implsFor(w, host).map((impl) => [impl, w])));
  console.error(`bench: ${host.name}, ${jobs.length} runs`);
  if (host.kind === 'server') {
    versions[host.name] = version(host.argv);
    for (const [impl, workload] of jobs) {
      const r = exec([...host.argv, impl, workload], 300_000);
      const line = jsonLines(r.text).pop();
      results.push(...rows({ host: host.name, impl, workload, ...(line ?? { error: `exit ${r.ok ? 0 : 'failed'}: ${r.err.slice(-2000)}` }) }));
    }
  } else {
    const r = exec([...host.argv, ...jobs.map((j) => j.join(':'))], 3_600_000);
    const lines = jsonLines(r.text);
    const header = lines.find((l) => l.version);
    if (header) versions[host.name] = header.version;
    const done = lines.filter((l) => l.workload);
    for (const line of done) results.push(...rows({ host: host.name, ...line }));
    if (!r.ok) console.error(`bench: ${host.name} stopped after ${done.length} of ${jobs.length} runs:\n${r.err.slice(-4000)}`);
  }
  for (const r of results.filter((r) => r.host === host.name && r.error)) {
    console.error(`bench: ${host.name} ${r.impl} ${r.workload}: ${r.error.split('\n')[0]}`);
  }
}

const sizes = jsonLines(exec(['node', 'bench/size.mjs'], 120_000).text);
let builds = [];
if (full || only.includes('builds')) {
  console.error('bench: build time with and without als-wasm/plugin');
  const r = exec(['node', 'bench/plugin/build-time.mjs'], 3_600_000);
  builds = jsonLines(r.text);
  if (!r.ok) console.error(`bench: build time failed:\n${r.err.slice(-4000)}`);
}
let startup = [];
if (full || only.includes('startup')) {
  console.error('bench: the first import, with the wasm and with the Rust as JavaScript (als-wasm/csp)');
  const r = exec(['node', 'bench/startup.mjs'], 1_200_000);
  startup = jsonLines(r.text);
  if (!r.ok) console.error(`bench: startup.mjs failed:\n${r.err.slice(-4000)}`);
}
const data = { date: new Date().toISOString(), versions, results: mergeRounds(results), sizes, builds, startup };
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/bench.json`, `${JSON.stringify(data, null, 1)}\n`);
const markdown = render(data);
writeFileSync(`${out}/bench.md`, markdown);

// bench/README.md shows the latest full run between these markers.
const readmePath = `${tests}bench/README.md`;
const readme = readFileSync(readmePath, 'utf8');
const [begin, end] = ['<!-- bench:begin -->', '<!-- bench:end -->'];
if (!full) console.error(`bench: a part (${only.join(', ')}): bench/README.md left as it is`);
else if (readme.includes(begin) && readme.includes(end)) {
  const updated = `${readme.slice(0, readme.indexOf(begin) + begin.length)}\n${markdown}\n${readme.slice(readme.indexOf(end))}`;
  writeFileSync(readmePath, updated);
}
console.log(markdown);
console.log(`\nJSON: ${out}/bench.json\nMarkdown: ${out}/bench.md`);
