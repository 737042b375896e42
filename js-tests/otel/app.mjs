// The OpenTelemetry end-to-end page: the real web SDK from npm
// (WebTracerProvider, an in-memory exporter, fetch and XHR instrumentation)
// around 20 concurrent page actions (actions.mjs), with the context manager
// the build put in (build.mjs: 'otel-context-manager' is ours, zone.js's or
// the stack one; OTEL_BUILD names the build). Counts every span's parent,
// checks the traceparent headers the local server received
// (serve.mjs /echo-traceparent), prints an `OTEL {...}` line with the counts
// and asserts what holds for this manager.
import { contextManager } from 'otel-context-manager'; // first: zone.js loads before the rest
import { WebTracerProvider, SimpleSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-web';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { XMLHttpRequestInstrumentation } from '@opentelemetry/instrumentation-xml-http-request';
import { runActions, classify, spanKey, STEPS } from './actions.mjs';

const BUILD = OTEL_BUILD; // eslint-disable-line no-undef -- defined by build.mjs
const ACTIONS = 20;
const HTTP_STEPS = ['fetch-first', 'fetch-after-await', 'parallel-a', 'parallel-b', 'nested-fetch', 'nested-xhr', 'xhr', 'fetch-last'];

// What must hold on each build. Every build: no span leaks into another
// action, every span ends, every action span is a root of its own trace,
// and each traceparent sent names the HTTP span that sent it.
// ours: every span keeps its parent. zone.js and the stack manager: the
// request made before the first native await keeps its parent, and some
// spans are lost (a zone.js that kept them would be news worth a look).
// zone.js with async/await compiled away (OTel's documented workaround):
// as measured, nothing is lost. Ours with zone.js loaded first, native or
// compiled async/await: every span keeps its parent, as without zone.js.
const EXPECT = {
  ours: { lost: 'none', headers: 'all' },
  zone: { lost: 'some', keptEverywhere: ['fetch-first'] },
  stack: { lost: 'some', keptEverywhere: ['fetch-first'] },
  'zone-downleveled': { lost: 'none', headers: 'all' },
  'ours-zone': { lost: 'none', headers: 'all' },
  'ours-zone-downleveled': { lost: 'none', headers: 'all' },
};

function browserName() {
  return /Firefox\//.test(navigator.userAgent) ? 'firefox' : /Chrom/.test(navigator.userAgent) ? 'chromium' : navigator.userAgent;
}

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(`otel-e2e-${Date.now()}`, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('steps');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const seed = Number(new URLSearchParams(location.search).get('seed')) || Date.now() % 1_000_000;
  const exporter = new InMemorySpanExporter();
  const provider = new WebTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register({ contextManager });
  registerInstrumentations({ instrumentations: [new FetchInstrumentation(), new XMLHttpRequestInstrumentation()] });
  const tracer = provider.getTracer('otel-e2e');
  const db = await openDb();

  // What the server answered per request: the traceparent it received.
  const echoes = new Map();
  const record = (url, body) => {
    const q = new URL(url, location.href).searchParams;
    echoes.set(`${q.get('action')}/${q.get('step')}`, body.traceparent);
  };
  let idbKey = 0;
  const io = {
    tracer,
    url: (i, step, ms) => `/echo-traceparent?action=${i}&step=${step}&delay=${ms}`,
    get: async (url) => record(url, await (await fetch(url)).json()),
    xhr: (url) => new Promise((resolve, reject) => {
      const req = new XMLHttpRequest();
      req.open('GET', url);
      req.addEventListener('load', () => resolve(record(url, JSON.parse(req.responseText))));
      req.addEventListener('error', () => reject(new Error(`XHR ${url} failed`)));
      req.send();
    }),
    idb: (onSuccess) => new Promise((resolve, reject) => {
      const req = db.transaction('steps', 'readwrite').objectStore('steps').put(Date.now(), idbKey++);
      req.addEventListener('success', () => { onSuccess(); resolve(); });
      req.addEventListener('error', () => reject(req.error));
    }),
  };

  await runActions(ACTIONS, io, seed);
  // Fetch instrumentation ends its spans up to 300 ms after the body (it
  // waits for resource timing): wait until every span has ended.
  const total = ACTIONS * (1 + Object.keys(STEPS).length);
  for (let waited = 0; exporter.getFinishedSpans().length < total && waited < 10_000; waited += 50) await sleep(50);
  const spans = exporter.getFinishedSpans();
  const counts = classify(spans, ACTIONS);

  // The headers the server saw, against the HTTP spans that sent them.
  const byKey = new Map(spans.map((s) => [`${spanKey(s)?.action}/${spanKey(s)?.step}`, s]));
  const headers = { sent: 0, actionTrace: 0, namesItsSpan: 0 };
  for (let i = 0; i < ACTIONS; i++) {
    for (const step of HTTP_STEPS) {
      const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(echoes.get(`${i}/${step}`) ?? '') ?? [];
      if (!traceId) continue;
      headers.sent++;
      if (traceId === byKey.get(`${i}/action`)?.spanContext().traceId) headers.actionTrace++;
      const own = byKey.get(`${i}/${step}`)?.spanContext();
      if (own && own.traceId === traceId && own.spanId === spanId) headers.namesItsSpan++;
    }
  }

  const { problems, keptEverywhere, ...numbers } = counts;
  console.log(`OTEL ${JSON.stringify({ browser: browserName(), manager: BUILD, seed, actions: ACTIONS, ...numbers, keptEverywhere, headers })}`);
  if (problems.length) console.log(`  first spans not kept: ${problems.join(', ')}`);

  const expect = EXPECT[BUILD];
  const requests = ACTIONS * HTTP_STEPS.length;
  const checks = [
    [`every span of the ${ACTIONS} actions ended (${total})`, spans.length === total && counts.missing === 0],
    ['no span has another action\'s parent or trace (0 mixed)', counts.mixed === 0],
    ['every action span is the root of its own trace', counts.roots === ACTIONS],
    ['every request sent a traceparent naming its own HTTP span', headers.sent === requests && headers.namesItsSpan === requests],
  ];
  if (expect.lost === 'none') {
    checks.push(['every span has its action\'s (or nested span\'s) parent: 0 lost, 0 wrong', counts.kept === ACTIONS * Object.keys(STEPS).length]);
  } else {
    checks.push(['some spans lose their parent after a native await (lost > 0)', counts.lost > 0]);
  }
  if (expect.headers === 'all') checks.push(['every traceparent the server got carries its action\'s trace id', headers.actionTrace === requests]);
  for (const step of expect.keptEverywhere ?? []) checks.push([`${step} keeps its parent in every action`, keptEverywhere.includes(step)]);

  let passed = 0;
  let failed = 0;
  for (const [name, ok] of checks) {
    console.log(`${ok ? 'ok' : 'FAIL'} - otel e2e ${BUILD}: ${name}`);
    if (ok) passed++;
    else failed++;
  }
  return { passed, failed };
}

main()
  .catch((e) => {
    console.log(`FAIL - otel e2e ${BUILD}: ${e?.stack ?? e}`);
    return { passed: 0, failed: 1 };
  })
  .then((result) => {
    console.log(`RESULT ${JSON.stringify(result)}`);
    globalThis.__alsResult = result;
  });
