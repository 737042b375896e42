// A Sentry transport that sends nothing: it parses each envelope Sentry would
// send and keeps its items, so the page counts what would have reached Sentry.
import { createTransport, parseEnvelope } from '@sentry/core';

export function recordingTransport() {
  const items = [];
  const transport = (options) =>
    createTransport(options, async (request) => {
      const [, envelopeItems] = parseEnvelope(request.body);
      for (const [header, payload] of envelopeItems) items.push({ type: header.type, payload });
      return { statusCode: 200 };
    });
  return { transport, items };
}

// The error and message events kept so far.
export const events = (items) => items.filter((i) => i.type === 'event').map((i) => i.payload);

// Every span sent so far as { id, name, parent }: 11.x streams them in
// `span` items; 9.x and 10.x send each root span as a transaction that
// holds its children.
export function spans(items) {
  const all = [];
  for (const { type, payload } of items) {
    if (type === 'span') {
      for (const s of payload.items ?? []) all.push({ id: s.span_id, name: s.name, parent: s.parent_span_id });
    } else if (type === 'transaction') {
      const trace = payload.contexts?.trace ?? {};
      all.push({ id: trace.span_id, name: payload.transaction, parent: trace.parent_span_id });
      for (const s of payload.spans ?? []) all.push({ id: s.span_id, name: s.description, parent: s.parent_span_id });
    }
  }
  return all;
}
