// The page's tracing: OpenTelemetry's web SDK on the context manager the
// variant brings (als-wasm's, or the SDK's default in the control), a
// collector, and the helper every span is opened with. Nobody hands a span
// to the next: each finds its parent through the context manager.
import { trace } from '@opentelemetry/api';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import { Collector } from './collector.js';

export const collector = new Collector();
const tracer = trace.getTracer('www/langgraph');

export function startTracing(contextManager) {
  new WebTracerProvider({ spanProcessors: [collector] }).register({ contextManager });
}

// `claim` is the demo's ground truth, never read to find a parent: the run
// (thread) that made the span and the name of the span it was made in.
const attributes = ({ run, parent }) => (parent === null ? { 'demo.run': run } : { 'demo.run': run, 'demo.parent': parent });

/** Starts a span ended by hand: a run's own, open while the run waits for its person. */
export const startSpan = (name, claim) => tracer.startSpan(name, { attributes: attributes(claim) });

/** Runs fn() as the active span `name`, ending it when fn settles. */
export function inSpan(name, claim, fn) {
  return tracer.startActiveSpan(name, { attributes: attributes(claim) }, async (span) => {
    try {
      return await fn();
    } finally {
      span.end();
    }
  });
}
