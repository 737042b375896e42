// The page's tracing: OpenTelemetry's web SDK with als-wasm's context
// manager, the fetch instrumentation, and the two helpers the app opens its
// own spans with. `?manager=stack` swaps in OTel's StackContextManager (the
// SDK's default, synchronous only) to show what the check catches.
import {
  AsyncLocalStorageContextManager,
  FetchInstrumentation,
  registerInstrumentations,
  StackContextManager,
  trace,
  WebTracerProvider,
} from './build/otel-sdk.js';
import { Collector } from './collector.js';

export const MANAGERS = { 'als-wasm': AsyncLocalStorageContextManager, stack: StackContextManager };
export const collector = new Collector();
const tracer = trace.getTracer('www/waterfall');

export function startTracing(manager) {
  const provider = new WebTracerProvider({ spanProcessors: [collector] });
  provider.register({ contextManager: new MANAGERS[manager]() });
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new FetchInstrumentation()] });
}

// The ground truth each manual span carries (see collector.js); a request's
// own span has no parent to name.
const attributes = (kind, { request, parent }) =>
  parent === null ? { 'demo.kind': kind, 'demo.request': request } : { 'demo.kind': kind, 'demo.request': request, 'demo.parent': parent };

/** Runs fn() as the active span `name`, ending it when fn's promise settles. */
export function inSpan(name, kind, claim, fn) {
  return tracer.startActiveSpan(name, { attributes: attributes(kind, claim) }, async (span) => {
    try {
      return await fn();
    } finally {
      span.end();
    }
  });
}

/** A timer as a span: opened when scheduled, ended in its callback. */
export function sleep(ms, claim) {
  const span = tracer.startSpan(`timer ${ms} ms`, { attributes: attributes('timer', claim) });
  return new Promise((resolve) =>
    setTimeout(() => {
      span.end();
      resolve();
    }, ms),
  );
}
