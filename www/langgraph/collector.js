// A SpanProcessor that keeps every span as a plain record (what an exporter
// would send), from its start, so a run's tree shows while it waits for
// its person; `onChange` redraws the page.
const ms = ([s, ns]) => s * 1e3 + ns / 1e6;

export class Collector {
  spans = [];
  #byId = new Map();
  onChange = () => {};

  onStart(span) {
    const { spanId, traceId } = span.spanContext();
    const a = span.attributes;
    const record = {
      id: spanId,
      trace: traceId,
      parent: span.parentSpanContext?.spanId ?? null,
      name: span.name,
      claim: { run: a['demo.run'], parent: a['demo.parent'] ?? null },
      start: ms(span.startTime),
      end: null,
      ended: false,
    };
    this.spans.push(record);
    this.#byId.set(spanId, record);
    this.onChange();
  }

  onEnd(span) {
    const record = this.#byId.get(span.spanContext().spanId);
    record.end = ms(span.endTime);
    record.ended = true;
    this.onChange();
  }

  forceFlush() {
    return Promise.resolve();
  }

  shutdown() {
    return Promise.resolve();
  }
}
