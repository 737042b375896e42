// node bench/main.mjs: the whole benchmark, in one go. Every workload of
// every implementation runs in a fresh process (Node 20, Node 24, Deno, Bun)
// or a fresh browser context (Chromium) or page (Firefox); then the sizes.
// Writes target/bench/bench.json and bench.md, updates README.md's table and
// prints the markdown.
//   env: NODE24, DENO, BUN (executables), PLAYWRIGHT_CORE, ESBUILD (package
//   directories), GECKODRIVER and FIREFOX (Firefox is skipped without them),
//   BENCH_HOSTS (optional: a comma-separated subset of host names).
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

const server = (name, argv) => ({ name, kind: 'server', argv });
const HOSTS = [
  server('Node 20', ['node', '--expose-gc', 'bench/one.mjs']),
  server('Node 24', [env.NODE24, '--expose-gc', 'bench/one.mjs']),
  server('Deno', [env.DENO, 'run', '-A', '--v8-flags=--expose-gc', 'bench/one.mjs']),
  server('Bun', [env.BUN, 'bench/one.mjs']),
  { name: 'Chromium', kind: 'browser', argv: ['node', 'bench/chromium.mjs'] },
  { name: 'Firefox', kind: 'browser', argv: ['node', 'bench/firefox.mjs'], needs: ['GECKODRIVER', 'FIREFOX'] },
].filter((h) => !env.BENCH_HOSTS || env.BENCH_HOSTS.split(',').includes(h.name));

// Which implementations a workload runs: the slow-path floor only where
// awaits are timed; the host-carried ones only on servers.
function implsFor(workload, host) {
  const w = WORKLOADS[workload];
  return IMPLS.filter((impl) => {
    if (impl === 'floor' && !w.async) return false;
    if (w.only && !w.only.includes(impl)) return false;
    if (host.kind === 'browser' && (impl === 'host' || impl === 'als-wasm-native')) return false;
    return true;
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

const results = [];
const versions = {};
for (const host of HOSTS) {
  if (host.needs?.some((n) => !env[n])) {
    console.error(`bench: ${host.name} skipped (set ${host.needs.join(', ')})`);
    continue;
  }
  const jobs = Object.keys(WORKLOADS).flatMap((w) => implsFor(w, host).map((impl) => [impl, w]));
  console.error(`bench: ${host.name}, ${jobs.length} runs`);
  if (host.kind === 'server') {
    versions[host.name] = version(host.argv);
    for (const [impl, workload] of jobs) {
      const r = exec([...host.argv, impl, workload], 300_000);
      const line = jsonLines(r.text).pop();
      results.push({ host: host.name, impl, workload, ...(line ?? { error: `exit ${r.ok ? 0 : 'failed'}: ${r.err.slice(-2000)}` }) });
    }
  } else {
    const r = exec([...host.argv, ...jobs.map((j) => j.join(':'))], 3_600_000);
    const lines = jsonLines(r.text);
    const header = lines.find((l) => l.version);
    if (header) versions[host.name] = header.version;
    const done = lines.filter((l) => l.workload);
    for (const line of done) results.push({ host: host.name, ...line });
    if (!r.ok) console.error(`bench: ${host.name} stopped after ${done.length} of ${jobs.length} runs:\n${r.err.slice(-4000)}`);
  }
  for (const r of results.filter((r) => r.host === host.name && r.error)) {
    console.error(`bench: ${host.name} ${r.impl} ${r.workload}: ${r.error.split('\n')[0]}`);
  }
}

const sizes = jsonLines(exec(['node', 'bench/size.mjs'], 120_000).text);
const data = { date: new Date().toISOString(), versions, results, sizes };
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/bench.json`, `${JSON.stringify(data, null, 1)}\n`);
const markdown = render(data);
writeFileSync(`${out}/bench.md`, markdown);

// README.md shows the latest run between these markers.
const readmePath = `${repo}README.md`;
const readme = readFileSync(readmePath, 'utf8');
const [begin, end] = ['<!-- bench:begin -->', '<!-- bench:end -->'];
if (readme.includes(begin) && readme.includes(end)) {
  const updated = `${readme.slice(0, readme.indexOf(begin) + begin.length)}\n${markdown}\n${readme.slice(readme.indexOf(end))}`;
  writeFileSync(readmePath, updated);
}
console.log(markdown);
console.log(`\nJSON: ${out}/bench.json\nMarkdown: ${out}/bench.md`);
