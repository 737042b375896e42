// The "page actions" of the OpenTelemetry end-to-end runs, shared
// by the browser pages (app.mjs) and the Node comparison (node-trees.mjs).
// Each action is one tracer.startActiveSpan('action-<i>', async ...) around
// awaits of HTTP requests, timers, an IndexedDB request, and a nested async
// function with its own active span. Every step makes one span, either the
// request's own (fetch/XHR instrumentation) or a manual one; STEPS says which
// span must be its parent. The host supplies the I/O (`io`), so Node runs the
// same flow with Node's fetch and no XHR or IndexedDB.

// step -> the step whose span must parent it ('action' is the action's own span).
export const STEPS = {
  'fetch-first': 'action', // before any await: the one ZoneContextManager keeps
  'after-sleep': 'action',
  'fetch-after-await': 'action',
  'in-timer': 'action',
  'parallel-a': 'action',
  'parallel-b': 'action',
  idb: 'action',
  nested: 'action',
  'nested-fetch': 'nested',
  'nested-inner': 'nested',
  'nested-xhr': 'nested',
  xhr: 'action',
  'fetch-last': 'action',
  last: 'action',
};

/** Small seeded generator, so a failing run can be repeated (`seed`). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Starts `count` actions at once and waits for all of them. `io` has:
 * tracer; get(url), xhr(url): an HTTP request whose span (the
 * instrumentation's, or a manual one on hosts without it) is the step's;
 * idb(onSuccess): an IndexedDB request whose success handler calls
 * onSuccess (a stand-in event on hosts without IndexedDB); url(i, step, ms):
 * the request URL, answered after `ms`.
 */
export async function runActions(count, io, seed) {
  const next = random(seed);
  const ms = () => Math.floor(next() * 30);
  const manual = (i, step) => io.tracer.startSpan(`action-${i}/${step}`).end();
  const sleep = (d) => new Promise((resolve) => setTimeout(resolve, d));

  // A nested async function with its own active span and a deeper helper.
  async function inner(i) {
    await sleep(ms());
    manual(i, 'nested-inner');
    return io.xhr(io.url(i, 'nested-xhr', ms()));
  }

  async function action(i) {
    // Each action draws its delays up front: the order they finish in is the
    // seed's, not the order the actions happen to resume in.
    await io.get(io.url(i, 'fetch-first', ms()));
    await sleep(ms());
    manual(i, 'after-sleep');
    await io.get(io.url(i, 'fetch-after-await', ms()));
    await new Promise((resolve) => setTimeout(() => { manual(i, 'in-timer'); resolve(); }, ms()));
    await Promise.all([io.get(io.url(i, 'parallel-a', ms())), io.get(io.url(i, 'parallel-b', ms()))]);
    await io.idb(() => manual(i, 'idb'));
    await io.tracer.startActiveSpan(`action-${i}/nested`, async (nested) => {
      try {
        await Promise.resolve();
        await io.get(io.url(i, 'nested-fetch', ms()));
        await inner(i);
      } finally {
        nested.end();
      }
    });
    await io.xhr(io.url(i, 'xhr', ms()));
    await sleep(0);
    await io.get(io.url(i, 'fetch-last', ms()));
    manual(i, 'last');
  }

  await Promise.all(Array.from({ length: count }, (_, i) =>
    io.tracer.startActiveSpan(`action-${i}`, async (span) => {
      try {
        await action(i);
      } finally {
        span.end();
      }
    })));
}

/** The action and step a span stands for: from its URL (HTTP spans) or its name. */
export function spanKey(span) {
  const url = span.attributes['http.url'] ?? span.attributes['url.full'];
  if (typeof url === 'string') {
    const q = new URL(url, 'http://localhost').searchParams;
    return { action: Number(q.get('action')), step: q.get('step') };
  }
  const m = /^action-(\d+)(?:\/(.+))?$/.exec(span.name);
  return m ? { action: Number(m[1]), step: m[2] ?? 'action' } : undefined;
}

/**
 * Counts, over every step span of `count` actions: kept (the right parent,
 * in its trace), lost (a root, or a parent that is no span of
 * this run), mixed (a parent or trace id of another action: a leak), wrong
 * (another span of its own action as parent), missing (never ended). Also
 * whether each action span is a root of its own trace, and which steps were
 * kept in every action.
 */
export function classify(spans, count) {
  const byKey = new Map();
  const actionOfSpan = new Map();
  const actionOfTrace = new Map();
  for (const s of spans) {
    const key = spanKey(s);
    if (!key) continue;
    byKey.set(`${key.action}/${key.step}`, s);
    actionOfSpan.set(s.spanContext().spanId, key.action);
    if (key.step === 'action') actionOfTrace.set(s.spanContext().traceId, key.action);
  }
  const counts = { kept: 0, lost: 0, mixed: 0, wrong: 0, missing: 0 };
  const keptEverywhere = new Set(Object.keys(STEPS));
  const problems = [];
  let roots = 0;
  for (let i = 0; i < count; i++) {
    const root = byKey.get(`${i}/action`);
    if (root && !root.parentSpanContext && actionOfTrace.get(root.spanContext().traceId) === i) roots++;
    for (const [step, parentStep] of Object.entries(STEPS)) {
      const span = byKey.get(`${i}/${step}`);
      const parent = byKey.get(`${i}/${parentStep}`);
      let verdict;
      if (!span || !parent || !root) verdict = 'missing';
      else {
        const parentId = span.parentSpanContext?.spanId;
        const traceId = span.spanContext().traceId;
        const otherAction = (a) => a !== undefined && a !== i;
        if (otherAction(actionOfSpan.get(parentId)) || otherAction(actionOfTrace.get(traceId))) verdict = 'mixed';
        // The right parent, in the parent's trace: a span under a lost parent
        // counts as kept, its parent as lost.
        else if (parentId === parent.spanContext().spanId && traceId === parent.spanContext().traceId) verdict = 'kept';
        else if (parentId === undefined || !actionOfSpan.has(parentId)) verdict = 'lost';
        else verdict = 'wrong';
      }
      counts[verdict]++;
      if (verdict !== 'kept') {
        keptEverywhere.delete(step);
        if (problems.length < 5) problems.push(`action-${i}/${step}: ${verdict}`);
      }
    }
  }
  return { ...counts, roots, keptEverywhere: [...keptEverywhere], problems };
}
