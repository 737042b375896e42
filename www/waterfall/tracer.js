// A small APM tracer on als-wasm: the current request and span live in one
// AsyncLocalStorage, so a span opened anywhere below a request (after awaits,
// in a timer, in a fetch callback, inside a Rust future) finds its request and
// its parent by itself. Each span also records the request the demo passed by
// hand (`claim`), only to check the attribution.
import { AsyncLocalStorage } from 'als-wasm';

const active = new AsyncLocalStorage();
export const spans = [];
let nextId = 1;

// Where a span is reported: the request in the current context, read when it
// opens and again when it closes (after the async hop that ends it).
const currentTrace = () => active.getStore()?.trace ?? null;

export function startSpan(name, kind, claim, parent) {
  const span = {
    id: nextId++,
    name,
    kind,
    claim,
    trace: currentTrace(),
    traceAtEnd: undefined,
    parent: (parent ?? active.getStore()?.span)?.id ?? null,
    start: performance.now(),
    end: undefined,
  };
  spans.push(span);
  return span;
}

export function endSpan(span) {
  span.end = performance.now();
  span.traceAtEnd = currentTrace();
}

// Runs fn() as span `name`, which is the current span of all its async work.
export async function inSpan(name, kind, claim, fn) {
  const span = startSpan(name, kind, claim);
  try {
    return await active.run({ trace: currentTrace(), span }, fn);
  } finally {
    endSpan(span);
  }
}

// A request: the root span of a new trace.
export function trace(request, fn) {
  return active.run({ trace: request, span: null }, () => inSpan(`request ${request}`, 'request', request, fn));
}

// Auto-instrumentation, as APM agents do it: every fetch() in the page is a
// span. The app passes its request id in the URL (`req=`) only for the check.
const nativeFetch = globalThis.fetch;
globalThis.fetch = async function tracedFetch(input, init) {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const span = startSpan(`fetch ${url.pathname}${url.search.replace(/&?req=\d+/, '')}`, 'fetch', Number(url.searchParams.get('req')));
  try {
    return await nativeFetch(input, init);
  } finally {
    endSpan(span);
  }
};

// A timer as a span: opened when scheduled, closed in its callback.
export function sleep(ms, claim) {
  const span = startSpan(`timer ${ms} ms`, 'timer', claim);
  return new Promise((resolve) =>
    setTimeout(() => {
      endSpan(span);
      resolve();
    }, ms),
  );
}

// Whether every span was reported in the request that really made it.
export const attributedRight = (span) => span.trace === span.claim && span.traceAtEnd === span.claim;
