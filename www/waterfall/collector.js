// A SpanProcessor that hands every finished span to the drawing, as plain
// records (what an exporter would send, in the page's own shape). It also
// notes which span was active when each one ended, and tells when no span is
// open any more: the fetch instrumentation ends its spans 300 ms after the
// response (waiting for resource timing), after the requests themselves.
import { context, trace } from './build/otel-sdk.js';

export class Collector {
  spans = [];
  #open = 0;
  #waiting = [];

  onStart() {
    this.#open++;
  }

  onEnd(span) {
    this.spans.push(record(span, trace.getSpan(context.active())?.spanContext().spanId ?? null));
    if (--this.#open === 0) for (const resolve of this.#waiting.splice(0)) resolve();
  }

  /** Resolves once every span started so far has ended. */
  settled() {
    return this.#open === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiting.push(resolve));
  }

  clear() {
    this.spans.length = 0;
  }

  forceFlush() {
    return Promise.resolve();
  }

  shutdown() {
    return Promise.resolve();
  }
}

const ms = ([s, ns]) => s * 1e3 + ns / 1e6;

// `claim` is the demo's ground truth, passed by hand and never read to find
// a parent: the request that made the span and the name of the span it was
// made in. Manual spans carry it as attributes, fetches in their URL.
function record(span, closedIn) {
  const { attributes: a } = span;
  const url = a['url.full'] === undefined ? undefined : new URL(String(a['url.full']));
  const claim = url
    ? { request: Number(url.searchParams.get('req')), parent: url.searchParams.get('in') }
    : { request: a['demo.request'], parent: a['demo.parent'] ?? null };
  url?.searchParams.delete('req');
  url?.searchParams.delete('in');
  return {
    id: span.spanContext().spanId,
    trace: span.spanContext().traceId,
    parent: span.parentSpanContext?.spanId ?? null,
    name: url ? `fetch ${url.pathname}${url.search}` : span.name,
    kind: url ? 'fetch' : a['demo.kind'],
    claim,
    closedIn,
    start: ms(span.startTime),
    end: ms(span.endTime),
  };
}
