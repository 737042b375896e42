// Renders bench.json (main.mjs) as markdown: the targets with their verdicts,
// then per workload the median per op and the ratio to no ALS, with the
// ratios of als-wasm to each competitor; awaits and build time with
// als-wasm/plugin; memory, sizes and load times.
import { median } from './measure.mjs';
import { WORKLOADS } from './workloads.mjs';
import { renderOtel } from './otel/report.mjs';

const NAMES = {
  none: 'no ALS (baseline)',
  floor: 'no ALS, every `await` on the slow path (floor)',
  'als-wasm': 'als-wasm, patch carrier',
  'als-wasm-plugin': 'als-wasm, patch carrier, code rewritten by `als-wasm/plugin`',
  'als-wasm-unhooked': 'als-wasm, whole bundle rewritten, hook off (`packages: true, awaitHook: false`)',
  brackets: 'no ALS, the code rewritten to call helpers that do nothing (the rewrite alone)',
  'als-wasm-native': 'als-wasm, native carrier',
  host: "the host's own ALS",
  'als-browser': 'als-browser 1.0.1',
  'zone.js': 'zone.js 0.16.3',
};
const SPEED = Object.keys(WORKLOADS).filter((w) => !WORKLOADS[w].memory && !WORKLOADS[w].only && !WORKLOADS[w].root && !WORKLOADS[w].otel);
// Code outside any run (workloads.mjs): no ALS, the floor, als-wasm and the host's own.
const ROOT = Object.keys(WORKLOADS).filter((w) => WORKLOADS[w].root);
// Awaits in code that als-wasm/plugin rewrote, with and without it (browsers).
const PLUGIN = Object.keys(WORKLOADS).filter((w) => WORKLOADS[w].plugin);
const BUNDLERS = { esbuild: 'esbuild', rollup: 'Rollup', vite: 'Vite', webpack: 'webpack' };
const CARRIERS = ['als-wasm', 'als-wasm-native'];
const BROWSERS = ['Chromium', 'Firefox'];

// What a user of this host gets from `import 'als-wasm'`.
const ours = (host) => (BROWSERS.includes(host) ? 'als-wasm' : 'als-wasm-native');

export function render({ date, versions, results, sizes, builds = [], startup = [] }) {
  const hosts = [...new Set(results.map((r) => r.host))];
  const get = (host, impl, workload) => results.find((r) => r.host === host && r.impl === impl && r.workload === workload);
  const ok = (r) => r && !r.na && !r.error;
  const ratio = (a, b) => (ok(a) && ok(b) && b.ns > 0 ? a.ns / b.ns : null);
  const x = (n) => (n === null ? '—' : `${n < 10 ? n.toFixed(2) : n.toFixed(1)}×`);
  const ns = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} ms` : n >= 1000 ? `${(n / 1000).toFixed(2)} µs` : `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ns`);
  // `seen`: what the workload's `kept` counts, in the words of its table;
  // `always`: say it where it is all of them too.
  const cell = (r, base, seen = 'kept', always = false) => {
    if (!r) return '';
    if (r.na) return '—';
    if (r.error) return 'error';
    const kept = r.kept === r.ops && !always ? '' : `, ${seen} ${pct(r.kept / r.ops)}`;
    return `${ns(r.ns)} (${x(ratio(r, base))}${kept})`;
  };
  const lines = [];
  const table = (head, rows) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };

  lines.push(
    `\`cargo xtask bench\` on ${date.slice(0, 10)}: ${Object.entries(versions).map(([h, v]) => `${h} (${v})`).join(', ')}; 2-core shared machine.`,
    'Each cell is the median of repeated runs in a fresh process (Node, Deno, Bun) or a fresh browser context (Chromium) or page (Firefox, WebKit);',
    'time per operation, then the ratio to no ALS at all in the same host. "kept" is the share of checks that saw the store their flow was started with, where it is not all of them;',
    'in root code (outside any `run`), "no store seen" is the share of checks where `getStore()` answered `undefined`, where it is not all of them.',
    '',
  );

  // The issue's targets, each a ratio measured in this run.
  const t = (what, value, limit, note = '') => [what, value === null ? '—' : x(value), `≤ ${x(limit)}`, value === null ? 'not measured' : value <= limit ? 'met' : 'not met', note];
  const awaitsOurs = get('Chromium', 'als-wasm', 'awaits');
  const awaitsFloor = get('Chromium', 'floor', 'awaits');
  const awaitsBase = get('Chromium', 'none', 'awaits');
  const size = sizes.find((s) => s.size === 'als-wasm');
  // The heap target, per carrier: the worst host, beside the host's own there.
  const heapRow = (impl) => {
    const runs = results.filter((r) => r.workload === 'heap' && r.impl === impl && ok(r));
    if (!runs.length) return [`heap after 1e6 \`run\`s and a GC, ${NAMES[impl]}`, '—', '≤ 1 MB', 'not measured', ''];
    const worst = runs.reduce((a, b) => (Math.abs(b.delta) > Math.abs(a.delta) ? b : a));
    const own = get(worst.host, 'host', 'heap');
    return [`heap after 1e6 \`run\`s and a GC, ${NAMES[impl]}`, kb(Math.abs(worst.delta)), '≤ 1 MB',
      Math.abs(worst.delta) <= 1 << 20 ? 'met' : 'not met',
      `worst of ${runs.length} hosts: ${worst.host}${ok(own) ? `, where the host's own keeps ${kb(own.delta)}` : ''}`];
  };
  // The root targets: the worst ratio to `base` of either als-wasm carrier,
  // in any host and any of the workloads, named; then the other carrier's
  // worst and Chromium's. Where a check saw a store, not met.
  const rootRow = (what, workloads, base, limit) => {
    const pairs = results.filter((r) => workloads.includes(r.workload) && CARRIERS.includes(r.impl))
      .map((r) => ({ r, v: ratio(r, get(r.host, base, r.workload)) })).filter((p) => p.v !== null);
    if (!pairs.length) return t(what, null, limit);
    const worstOf = (ps) => ps.reduce((a, b) => (b.v > a.v ? b : a));
    // Where, and for the native carrier what the host's own storage it stands on costs there.
    const where = ({ r }, carrier = true) => {
      const own = r.impl === 'als-wasm-native' ? ratio(get(r.host, 'host', r.workload), get(r.host, base, r.workload)) : null;
      const notes = [carrier && NAMES[r.impl], workloads.length > 1 && WORKLOADS[r.workload].label, own !== null && `the host's own there: ${x(own)}`].filter(Boolean);
      return notes.length ? `${r.host} (${notes.join('; ')})` : r.host;
    };
    const worst = worstOf(pairs);
    const others = pairs.filter((p) => p.r.impl !== worst.r.impl);
    const chromium = pairs.filter((p) => p.r.host === 'Chromium');
    const hosts = new Set(pairs.map((p) => p.r.host)).size;
    const leaks = pairs.filter((p) => p.r.kept !== p.r.ops).map((p) => where(p));
    const row = t(what, worst.v, limit, [
      `worst of ${hosts} host${hosts === 1 ? '' : 's'}: ${where(worst)}`,
      others.length ? `${NAMES[others[0].r.impl]}: ${x(worstOf(others).v)} at worst, in ${where(worstOf(others), false)}` : '',
      chromium.length && worst.r.host !== 'Chromium' ? `Chromium: ${x(worstOf(chromium).v)}` : '',
      leaks.length ? `a store seen in root code: ${leaks.join('; ')}` : 'no store seen in root code',
    ].filter(Boolean).join('; '));
    if (leaks.length) row[3] = 'not met';
    return row;
  };
  // The plugin's targets. Awaits of a settled promise in Chromium: with the
  // plugin ÷ without, each keeping every store, else not met.
  const pluginRow = () => {
    const ratioIn = (h) => ratio(get(h, 'als-wasm-plugin', 'pluginPromises'), get(h, 'als-wasm', 'pluginPromises'));
    const [plugin, without] = ['als-wasm-plugin', 'als-wasm'].map((i) => get('Chromium', i, 'pluginPromises'));
    const lost = [plugin, without].filter((r) => ok(r) && r.kept !== r.ops);
    const row = t('plugin: `await` of a settled promise in Chromium, with ÷ without the plugin', ratioIn('Chromium'), 1,
      [`Firefox: ${x(ratioIn('Firefox'))}`, ok(plugin) ? `kept ${pct(plugin.kept / plugin.ops)} with the plugin, ${ok(without) ? pct(without.kept / without.ops) : '—'} without` : ''].filter(Boolean).join('; '));
    if (lost.length) row[3] = 'not met';
    return row;
  };
  const build = (b) => builds.find((r) => r.build === b && r.plain > 0);
  const buildRatio = (b) => (build(b) ? build(b).plugin / build(b).plain : null);
  const buildRow = () => t('plugin: build time of a 1 MB app with esbuild, with ÷ without the plugin', buildRatio('esbuild'), 1.3,
    Object.keys(BUNDLERS).filter((b) => b !== 'esbuild' && build(b)).map((b) => `${BUNDLERS[b]}: ${x(buildRatio(b))}`).join(', '));
  // LangGraph's packages rewritten too (plugin/build-packages.mjs).
  const packages = build('esbuild-packages');
  const packagesRow = () => t('plugin: build time of an app of packages with esbuild, `packages: true` ÷ without the plugin', packages ? packages.packages / packages.plain : null, 1.5,
    packages ? `with the hook off too: ${x(packages.whole / packages.plain)}; a plugin that changes nothing: ${x(packages.floor / packages.plain)}` : '');

  lines.push('**Targets**', '');
  table(['target', 'measured', 'goal', 'verdict', 'context'], [
    t('`run` + `getStore` in Chromium, ÷ als-browser', ratio(get('Chromium', 'als-wasm', 'run'), get('Chromium', 'als-browser', 'run')), 0.25),
    t("`run` + `getStore` in Node 24, ÷ Node 24's own", ratio(get('Node 24', 'als-wasm-native', 'run'), get('Node 24', 'host', 'run')), 0.5,
      `patch carrier: ${x(ratio(get('Node 24', 'als-wasm', 'run'), get('Node 24', 'host', 'run')))}`),
    t('`getStore` in a scope in Chromium, ÷ als-browser', ratio(get('Chromium', 'als-wasm', 'getStore'), get('Chromium', 'als-browser', 'getStore')), 1),
    t('5 nested storages in Chromium, ÷ als-browser', ratio(get('Chromium', 'als-wasm', 'nestedFive'), get('Chromium', 'als-browser', 'nestedFive')), 0.25),
    t('sequential `await`s in Chromium, ÷ no ALS, all kept', ok(awaitsOurs) && awaitsOurs.kept === awaitsOurs.ops ? ratio(awaitsOurs, awaitsBase) : null, 3,
      `kept ${ok(awaitsOurs) ? pct(awaitsOurs.kept / awaitsOurs.ops) : '—'}; the slow path alone: ${x(ratio(awaitsFloor, awaitsBase))}`),
    ['JS + wasm, minified and gzipped', size ? `${kb(size.gz)} (${size.gz} bytes)` : '—', '≤ 8.0 KB (8192 bytes)',
      size ? (size.gz <= 8192 ? 'met' : 'not met') : 'not measured',
      size ? `\`import 'als-wasm'\` in a browser bundle; the wasm's module alone: ${kb(size.wasmModuleGz)}` : ''],
    heapRow('als-wasm'),
    heapRow('als-wasm-native'),
    rootRow('root `await`s, als-wasm ÷ floor', ['rootAwaits'], 'floor', 1.2),
    rootRow('root callbacks (`setTimeout` and `.then`), als-wasm ÷ no library', ['rootTimers', 'rootThens'], 'none', 1.5),
    pluginRow(),
    buildRow(),
    packagesRow(),
  ]);

  // A part of the bench (main.mjs, BENCH_ONLY) shows only what it ran.
  const ran = (w) => results.some((r) => r.workload === w);
  for (const w of SPEED.filter(ran)) {
    lines.push(`**${WORKLOADS[w].label}**`, '');
    const impls = Object.keys(NAMES).filter((i) => hosts.some((h) => get(h, i, w)));
    const rows = impls.map((i) => [NAMES[i], ...hosts.map((h) => cell(get(h, i, w), get(h, 'none', w)))]);
    const vs = (label, rival) => [label, ...hosts.map((h) => x(ratio(get(h, ours(h), w), typeof rival === 'string' ? get(h, rival, w) : null)))];
    rows.push(
      vs('*als-wasm ÷ als-browser*', 'als-browser'),
      vs('*als-wasm ÷ zone.js*', 'zone.js'),
      vs("*als-wasm ÷ the host's own*", 'host'),
    );
    table(['', ...hosts], rows);
  }
  if (SPEED.some(ran)) lines.push('*als-wasm* in the ratio rows is what `import \'als-wasm\'` gives on that host: the native carrier on Node, Deno and Bun, the patch carrier in browsers.', '');

  // AsyncContext.Variable beside the same carrier's AsyncLocalStorage,
  // measured side by side in one realm (workloads.mjs, variableRun).
  if (ran('variableRun')) {
    lines.push(`**${WORKLOADS.variableRun.label}**, \`als-wasm/async-context\`, beside the same carrier's \`AsyncLocalStorage\` \`run(i, () => getStore())\`, the two in turns in one realm`, '');
    const plain = (r) => (!r ? '' : r.na ? '—' : r.error ? 'error' : `${ns(r.ns)}${r.kept === r.ops ? '' : `, kept ${pct(r.kept / r.ops)}`}`);
    const rows = [];
    for (const c of CARRIERS.filter((c) => hosts.some((h) => get(h, c, 'variableRun')))) {
      const r = (h) => get(h, c, 'variableRun');
      const carrier = NAMES[c].replace('als-wasm, ', '');
      rows.push(
        [`\`AsyncContext.Variable\`, ${carrier}`, ...hosts.map((h) => plain(r(h)))],
        [`\`AsyncLocalStorage\`, ${carrier}`, ...hosts.map((h) => plain(ok(r(h)) ? r(h).storage : r(h)))],
        [`*Variable ÷ AsyncLocalStorage, ${carrier}*`, ...hosts.map((h) => (r(h) ? x(ok(r(h)) ? ratio(r(h), r(h).storage) : null) : ''))],
      );
    }
    table(['', ...hosts], rows);
  }

  // OpenTelemetry's context managers, ours and OTel's (otel/report.mjs).
  renderOtel({ lines, table, hosts, get, ok, ratio, x, cell, pct });

  // Root code, one table: a row of each implementation under each workload.
  if (ROOT.some((w) => results.some((r) => r.workload === w))) {
    lines.push('**Root code**, outside any `run`: per callback or `await`', '');
    const rows = [];
    for (const w of ROOT) {
      rows.push([`*${WORKLOADS[w].label}*`, ...hosts.map(() => '')]);
      const impls = Object.keys(NAMES).filter((i) => hosts.some((h) => get(h, i, w)));
      rows.push(...impls.map((i) => [NAMES[i], ...hosts.map((h) => cell(get(h, i, w), get(h, 'none', w), 'no store seen'))]));
      if (w === 'rootAwaits') {
        const carriers = CARRIERS.filter((c) => hosts.some((h) => get(h, c, w)));
        rows.push(...carriers.map((c) => [`*${NAMES[c]} ÷ floor*`, ...hosts.map((h) => (get(h, c, w) ? x(ratio(get(h, c, w), get(h, 'floor', w))) : ''))]));
      }
    }
    table(['', ...hosts], rows);
  }

  // Awaits with the plugin: per workload, each variant, then the two ratios.
  const pluginHosts = hosts.filter((h) => PLUGIN.some((w) => get(h, 'als-wasm-plugin', w) || get(h, 'als-wasm-unhooked', w)));
  if (pluginHosts.length) {
    lines.push('**With `als-wasm/plugin`**, in browsers: per `await`, one loop bundled by esbuild without the plugin and with it, side by side in one fresh context (Chromium) or page (Firefox, WebKit): with no library first, then with als-wasm, the two builds in turns. "kept" is the share of awaits after which the store was still there.', '');
    const rows = [];
    for (const w of PLUGIN) {
      rows.push([`*${WORKLOADS[w].label}*`, ...pluginHosts.map(() => '')]);
      const what = WORKLOADS[w].inRoot ? 'no store seen' : 'kept';
      const has = (i) => pluginHosts.some((h) => get(h, i, w));
      const impls = ['none', 'brackets', 'als-wasm', 'als-wasm-plugin', 'als-wasm-unhooked'].filter(has);
      rows.push(...impls.map((i) => [NAMES[i], ...pluginHosts.map((h) => cell(get(h, i, w), get(h, 'none', w), what, true))]));
      const ratioRow = (label, a, b) => {
        if (has(a) && has(b)) rows.push([label, ...pluginHosts.map((h) => x(ratio(get(h, a, w), get(h, b, w))))]);
      };
      ratioRow('*with the plugin ÷ without*', 'als-wasm-plugin', 'als-wasm');
      ratioRow('*with the plugin ÷ no library*', 'als-wasm-plugin', 'none');
      ratioRow('*hook off ÷ no library*', 'als-wasm-unhooked', 'none');
      ratioRow('*the rewrite alone ÷ no library*', 'brackets', 'none');
    }
    table(['', ...pluginHosts], rows);
  }

  // Build time with the plugin: per bundler, the medians and their ratio.
  const app = builds.find((r) => r.build === 'app');
  if (app) {
    const runs = builds.find((r) => r.runs)?.runs;
    lines.push(`**Build time with \`als-wasm/plugin\`**: a generated app of ${(app.bytes / 2 ** 20).toFixed(2)} MB (${app.modules} modules, ${app.awaits} \`await\`s; one module in five without any) that imports als-wasm, built without a minifier; the median of ${runs} builds, each in a fresh process.`, '');
    table(['', 'without the plugin', 'with the plugin', 'with ÷ without', 'of which loading the plugin', 'a plugin that changes nothing ÷ without'], Object.keys(BUNDLERS).filter(build).map((b) => {
      const r = build(b);
      return [BUNDLERS[b], fmtMs(r.plain), fmtMs(r.plugin), x(buildRatio(b)), fmtMs(r.pluginImport), r.floor ? x(r.floor / r.plain) : '—'];
    }));
    const tr = builds.find((r) => r.build === 'transform');
    if (tr) {
      lines.push(`The transform alone (oxc's parser in Rust compiled to wasm, no source map, over every module, each time in a fresh process): ${fmtMs(tr.cold)} per MB on the process's first pass, ${fmtMs(tr.warm)} per MB once the engine has tiered it up${tr.coldOneTask ? `; the first pass takes ${fmtMs(tr.coldOneTask)} per MB when V8 compiles with one background task (\`node --wasm-num-compilation-tasks=1\`): its tier-up threads take the cores the first pass runs on` : ''}.`, '');
      // What bounds each build: the floor (less loading the do-nothing
      // plugin), loading ours, and the transform's first pass.
      lines.push(`What bounds it: a plugin that changes nothing, with loading als-wasm/plugin instead of it, plus the transform's first pass over the app, ÷ without the plugin: ${Object.keys(BUNDLERS).filter((b) => build(b)?.floor).map((b) => {
        const r = build(b);
        return `${BUNDLERS[b]} ${x((r.floor - (r.floorImport ?? 0) + r.pluginImport + (tr.cold * app.bytes) / 2 ** 20) / r.plain)}`;
      }).join(', ')}.`, '');
    }
  }

  if (packages) {
    lines.push(`**Rewriting packages too** (esbuild, \`packages: true\`): LangGraph's and LangChain's packages with als-wasm (\`bench/plugin/build-packages.mjs\`), ${(packages.bytes / 2 ** 20).toFixed(2)} MB bundled, ${packages.awaits} \`await\`s; the median of ${packages.runs} builds, each in a fresh process.`, '');
    table(['', 'without the plugin', 'a plugin that changes nothing', '`packages: true`', '`packages: true, awaitHook: false`'], [
      ['esbuild', fmtMs(packages.plain), `${fmtMs(packages.floor)} (${x(packages.floor / packages.plain)})`, `${fmtMs(packages.packages)} (${x(packages.packages / packages.plain)})`, `${fmtMs(packages.whole)} (${x(packages.whole / packages.plain)})`],
    ]);
    if (packages.transformCold !== undefined) {
      const bound = (packages.floor - packages.floorImport + packages.pluginImport + packages.transformCold) / packages.plain;
      lines.push(`What bounds it: the plugin that changes nothing (every module read through JS), with loading als-wasm/plugin/esbuild instead of it (${fmtMs(packages.pluginImport)}), plus the transform's first pass over the bundle's modules in a fresh process (${fmtMs(packages.transformCold)}), ÷ without the plugin: ${x(bound)}.`, '');
    }
  }

  if (ran('heap') || ran('soak')) lines.push('**Memory**: JS heap in use after a forced GC, minus the same before the workload (Node `--expose-gc`, Deno `--v8-flags=--expose-gc`, Bun `Bun.gc(true)`, Chromium DevTools `HeapProfiler.collectGarbage` + `Performance.getMetrics`; Firefox cannot force one from a page).', '');
  for (const w of ['heap', 'soak'].filter(ran)) {
    const impls = Object.keys(NAMES).filter((i) => hosts.some((h) => get(h, i, w)));
    table([WORKLOADS[w].label, ...hosts], impls.map((i) => [NAMES[i], ...hosts.map((h) => {
      const r = get(h, i, w);
      if (!r) return '';
      if (r.na || r.error) return r.na ? '—' : 'error';
      const heap = r.delta === null || r.delta === undefined ? '' : `${r.delta >= 0 ? '+' : '−'}${kb(Math.abs(r.delta))}, `;
      return `${heap}${fmtMs(r.ms)}, kept ${pct(r.kept / r.ops)}`;
    })]));
  }

  lines.push('**Size** in a browser bundle (esbuild, `platform: browser`), and load time', '');
  table(['', 'bundled', 'minified', 'minified + gzip', 'of which the wasm'], sizes.map((s) => [
    s.size, kb(s.raw), kb(s.min), kb(s.gz),
    s.wasm ? `${kb(s.wasm)} (${kb(s.wasmGz)} gzipped; its JS module \`wasm-bytes.js\`, gzipped: ${kb(s.wasmModuleGz)})` : '',
  ]));
  const loadImpls = ['als-wasm', 'als-wasm-native', 'host', 'als-browser', 'zone.js'];
  const loads = loadImpls.filter((i) => results.some((r) => r.impl === i && r.importMs !== undefined)).map((i) => [
    `\`import\` of ${NAMES[i]}`, ...hosts.map((h) => {
      const ms = results.filter((r) => r.host === h && r.impl === i && r.importMs !== undefined).map((r) => r.importMs);
      return ms.length ? fmtMs(median(ms)) : '—';
    }),
  ]);
  loads.push(['compile + instantiate the wasm alone', ...hosts.map((h) => {
    const r = get(h, 'als-wasm', 'instantiate');
    return ok(r) ? fmtMs(r.ms) : '—';
  })]);
  table(['median of every fresh process or context', ...hosts], loads);
  if (startup.length) {
    const browsers = [...new Set(startup.map((r) => r.browser))];
    const at = (name, b) => startup.find((r) => r.startup === name && r.browser === b);
    lines.push(`**The first \`import\` with the wasm and with the Rust as JavaScript** (\`als-wasm/csp\`, for policies that forbid WebAssembly; \`bench/startup.mjs\`): each bundle minified by esbuild, fetched and parsed first (modulepreload), then imported in a fresh context (Chromium) or page (Firefox, WebKit); the median of ${startup[0].samples} imports each, the two in turns.`, '');
    table(['', ...browsers], [
      ...['als-wasm', 'als-wasm/csp'].map((name) => [`\`import '${name}'\``, ...browsers.map((b) => {
        const row = at(name, b);
        return row ? `${fmtMs(row.ms)} (engine: ${row.engine})` : '—';
      })]),
      ['ratio', ...browsers.map((b) => (at('als-wasm', b) && at('als-wasm/csp', b) ? `${(at('als-wasm/csp', b).ms / at('als-wasm', b).ms).toFixed(2)}×` : '—'))],
    ]);
  }
  return lines.join('\n');
}

// Never 100% (or 0%) for a share that is not all (or none): one check in
// 1e5 that saw another store must show.
function pct(f) {
  const p = Math.round(f * 1000) / 10;
  return p === 100 && f < 1 ? '> 99.9%' : p === 0 && f > 0 ? '< 0.1%' : `${p}%`;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function fmtMs(ms) {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}
