// The OpenTelemetry tables of the bench's markdown (report.mjs calls this
// with its helpers): per workload, each context manager's time per operation
// and its ratio to the floor, then ours divided by each of OTel's managers,
// with the share each kept beside the ratio wherever one lost the context.
import { WORKLOADS } from '../workloads.mjs';

const MANAGERS = {
  'otel-ours': '`als-wasm/opentelemetry` `AsyncLocalStorageContextManager` (ours)',
  'otel-zone': '`ZoneContextManager` (context-zone-peer-dep 2.12.1, zone.js 0.16.3)',
  'otel-stack': '`StackContextManager` (sdk-trace-web 2.12.0)',
  'otel-als': "OTel's `AsyncLocalStorageContextManager` (context-async-hooks 2.12.0)",
};
const RIVALS = {
  'otel-zone': '`ZoneContextManager`',
  'otel-stack': '`StackContextManager`',
  'otel-als': "OTel's `AsyncLocalStorageContextManager`",
};
const SHORT = { 'otel-ours': 'ours', 'otel-zone': 'Zone', 'otel-stack': 'Stack', 'otel-als': "OTel's" };

export function renderOtel({ lines, table, hosts, get, ok, ratio, x, cell, pct }) {
  const impls = [...Object.keys(MANAGERS), 'otel-none'];
  const ran = Object.keys(WORKLOADS).filter((w) => WORKLOADS[w].otel && hosts.some((h) => impls.some((i) => get(h, i, w))));
  if (!ran.length) return;
  const otelHosts = hosts.filter((h) => ran.some((w) => impls.some((i) => get(h, i, w))));
  const rounds = Math.max(...ran.map((w) => WORKLOADS[w].rounds ?? 1));
  lines.push(
    '**OpenTelemetry context managers** (`als-wasm/opentelemetry`): OTel API 1.9.1 and sdk-trace-base 2.12.0\'s `BasicTracerProvider`, each setup bundled by esbuild (`js-tests/bench/otel/`) and run in a fresh process or browser context.',
    `Time per operation (the median round of ${rounds}, the setups in turns), then the ratio to the floor row of the same host. "kept" is the share of operations that saw their context: \`active()\` inside \`with\` answered the context given; after the awaits, the span was still the active one and a child span started there got it as its parent.`,
    'Ours is what `import \'als-wasm/opentelemetry\'` gives: the patch carrier in browsers, the native carrier on servers. A ratio row divides ours by the named manager; where either lost context, each one\'s "kept" stands beside the ratio.',
    '',
  );
  const keptOf = (r) => (ok(r) ? pct(r.kept / r.ops) : '—');
  for (const w of ran) {
    const rows = [];
    const floor = (h) => get(h, 'otel-none', w);
    for (const i of Object.keys(MANAGERS).filter((i) => otelHosts.some((h) => get(h, i, w)))) {
      rows.push([MANAGERS[i], ...otelHosts.map((h) => cell(get(h, i, w), floor(h), 'kept', true))]);
    }
    if (otelHosts.some((h) => floor(h))) rows.push([`floor: ${WORKLOADS[w].floor}`, ...otelHosts.map((h) => cell(floor(h), floor(h)))]);
    for (const rival of Object.keys(RIVALS).filter((i) => otelHosts.some((h) => get(h, i, w)))) {
      rows.push([`*ours ÷ ${RIVALS[rival]}*`, ...otelHosts.map((h) => {
        const [a, b] = [get(h, 'otel-ours', w), get(h, rival, w)];
        if (!a || !b) return '';
        const lost = [a, b].some((r) => ok(r) && r.kept !== r.ops);
        return `${x(ratio(a, b))}${lost ? ` (kept: ours ${keptOf(a)}, ${SHORT[rival]} ${keptOf(b)})` : ''}`;
      })]);
    }
    lines.push(`**${WORKLOADS[w].label}**`, '');
    table(['', ...otelHosts], rows);
  }
}
