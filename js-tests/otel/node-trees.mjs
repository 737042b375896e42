// The page actions of the end-to-end pages (actions.mjs) on a server host,
// with OpenTelemetry's AsyncLocalStorageContextManager
// (@opentelemetry/context-async-hooks, over the host's own storage) and with
// ours (als-wasm/opentelemetry): BasicTracerProvider, an in-memory exporter,
// manual spans only (no instrumentation here), each HTTP step a span around
// the host's fetch to the local server (serve.mjs /echo-traceparent). The
// normalised span trees (each span's name and its parent's name, and
// whether it shares its parent's trace) must be identical, and OTel's must be
// the tree actions.mjs intends. Ends with a RESULT line.
//   node otel/node-trees.mjs   (also Node 24, Deno, Bun; env OTEL_OURS=browser)
import { context } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { AsyncLocalStorageContextManager as OtelManager } from '@opentelemetry/context-async-hooks';
import { serve } from '../runners/serve.mjs';
import { runActions, classify, STEPS } from './actions.mjs';

// OTEL_OURS=browser: ours on the patch carrier forced, as in a browser.
const forced = process.env.OTEL_OURS === 'browser';
const { AsyncLocalStorageContextManager: OurManager } = await import(forced ? 'als-wasm/opentelemetry/browser' : 'als-wasm/opentelemetry');
const ACTIONS = 20;
const seed = Number(process.env.OTEL_SEED) || Date.now() % 1_000_000;
const { server, origin } = await serve();

async function trees(manager) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  if (!context.setGlobalContextManager(manager.enable())) throw new Error('a context manager is already registered');
  const tracer = provider.getTracer('otel-node-trees');
  // A step's span lives while its request does, as fetch instrumentation's would.
  const request = (url) => {
    const q = new URL(url, origin).searchParams;
    return tracer.startActiveSpan(`action-${q.get('action')}/${q.get('step')}`, async (span) => {
      try {
        const res = await fetch(new URL(url, origin));
        await res.json();
      } finally {
        span.end();
      }
    });
  };
  const io = {
    tracer,
    url: (i, step, ms) => `/echo-traceparent?action=${i}&step=${step}&delay=${ms}`,
    get: request,
    xhr: request,
    // IndexedDB's stand-in: a request object whose success event comes later.
    idb: (onSuccess) => new Promise((resolve) => {
      const req = new EventTarget();
      req.addEventListener('success', () => { onSuccess(); resolve(); });
      setTimeout(() => req.dispatchEvent(new Event('success')), 1);
    }),
  };
  try {
    await runActions(ACTIONS, io, seed);
  } finally {
    context.disable();
  }
  const spans = exporter.getFinishedSpans();
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const tree = spans.map((s) => {
    const parent = byId.get(s.parentSpanContext?.spanId);
    const sameTrace = parent ? parent.spanContext().traceId === s.spanContext().traceId : 'root';
    return `${s.name} <- ${parent?.name ?? (s.parentSpanContext ? 'unknown' : 'ROOT')} (same trace: ${sameTrace})`;
  }).sort();
  return { tree, counts: classify(spans, ACTIONS) };
}

let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  console.log(`${ok ? 'ok' : 'FAIL'} - otel node trees: ${name}${ok || !detail ? '' : `\n  ${detail}`}`);
  if (ok) passed++;
  else failed++;
};

try {
  const host = globalThis.Deno ? `Deno ${Deno.version.deno}` : globalThis.Bun ? `Bun ${Bun.version}` : `Node ${process.versions.node}`;
  const otel = await trees(new OtelManager());
  const ours = await trees(new OurManager());
  for (const [name, { counts }] of [['otel-als', otel], [forced ? 'ours, patch carrier' : 'ours', ours]]) {
    const { problems, keptEverywhere, ...numbers } = counts;
    console.log(`OTEL ${JSON.stringify({ host, manager: name, seed, actions: ACTIONS, ...numbers })}`);
  }
  const steps = ACTIONS * Object.keys(STEPS).length;
  check(`OTel's AsyncLocalStorageContextManager gives every span its intended parent (${steps})`, otel.counts.kept === steps, otel.counts.problems.join(', '));
  const diff = otel.tree.map((line, n) => [line, ours.tree[n]]).filter(([a, b]) => a !== b);
  check(`ours gives the same span tree (${otel.tree.length} spans)`, ours.tree.length === otel.tree.length && diff.length === 0,
    `${ours.tree.length} spans; first differences: ${JSON.stringify(diff.slice(0, 3))}`);
} catch (e) {
  check(`runs: ${e?.stack ?? e}`, false);
} finally {
  server.close();
  server.closeAllConnections?.();
}
console.log(`RESULT ${JSON.stringify({ passed, failed })}`);
process.exitCode = failed ? 1 : 0;
