// Counts every step span of the clicks against the parent STEPS gives it:
// kept (the right parent, in its trace), lost (a root, or a parent that is
// no span of this run), leaked (another click's span as parent, or another
// click's trace), wrong (another span of its own click), missing (never
// ended).
import type { ReadableSpan } from '@opentelemetry/sdk-trace-web';
import { STEPS } from './click-flow';

export interface Counts {
  kept: number;
  lost: number;
  leaked: number;
  wrong: number;
  missing: number;
  /** Click spans that are the root of their own trace. */
  roots: number;
  /** The steps kept in every click, and those lost in every click. */
  keptEverywhere: string[];
  lostEverywhere: string[];
  problems: string[];
}

/** The click and step a span stands for: from its URL (HTTP spans) or its name. */
export function spanKey(span: ReadableSpan): { click: number; step: string } | undefined {
  const address = span.attributes['http.url'] ?? span.attributes['url.full'];
  if (typeof address === 'string') {
    const q = new URL(address, location.href).searchParams;
    return q.has('click') ? { click: Number(q.get('click')), step: q.get('step') ?? '' } : undefined;
  }
  const m = /^click-(\d+)(?:\/(.+))?$/.exec(span.name);
  return m ? { click: Number(m[1]), step: m[2] ?? 'click' } : undefined;
}

export function countSpans(spans: ReadableSpan[], clicks: number): Counts {
  const byKey = new Map<string, ReadableSpan>();
  const clickOfSpan = new Map<string, number>();
  const clickOfTrace = new Map<string, number>();
  const keyOfSpan = new Map<string, string>();
  for (const s of spans) {
    const key = spanKey(s);
    if (!key) continue;
    byKey.set(`${key.click}/${key.step}`, s);
    clickOfSpan.set(s.spanContext().spanId, key.click);
    keyOfSpan.set(s.spanContext().spanId, `click-${key.click}${key.step === 'click' ? '' : `/${key.step}`}`);
    if (key.step === 'click') clickOfTrace.set(s.spanContext().traceId, key.click);
  }
  const counts: Counts = { kept: 0, lost: 0, leaked: 0, wrong: 0, missing: 0, roots: 0, keptEverywhere: [], lostEverywhere: [], problems: [] };
  const keptEverywhere = new Set(Object.keys(STEPS));
  const lostEverywhere = new Set(Object.keys(STEPS));
  for (let i = 0; i < clicks; i++) {
    const root = byKey.get(`${i}/click`);
    if (root && !root.parentSpanContext && clickOfTrace.get(root.spanContext().traceId) === i) counts.roots++;
    for (const [step, parentStep] of Object.entries(STEPS)) {
      const span = byKey.get(`${i}/${step}`);
      const parent = byKey.get(`${i}/${parentStep}`);
      let verdict: 'kept' | 'lost' | 'leaked' | 'wrong' | 'missing';
      if (!span || !parent || !root) verdict = 'missing';
      else {
        const parentId = span.parentSpanContext?.spanId;
        const traceId = span.spanContext().traceId;
        const another = (c: number | undefined) => c !== undefined && c !== i;
        if (another(parentId === undefined ? undefined : clickOfSpan.get(parentId)) || another(clickOfTrace.get(traceId))) verdict = 'leaked';
        else if (parentId === parent.spanContext().spanId && traceId === parent.spanContext().traceId) verdict = 'kept';
        else if (parentId === undefined || !clickOfSpan.has(parentId)) verdict = 'lost';
        else verdict = 'wrong';
      }
      counts[verdict]++;
      if (verdict !== 'lost') lostEverywhere.delete(step);
      if (verdict !== 'kept') {
        keptEverywhere.delete(step);
        const under = span?.parentSpanContext ? keyOfSpan.get(span.parentSpanContext.spanId) : undefined;
        if (counts.problems.length < 5) counts.problems.push(`click-${i}/${step}: ${verdict}${under ? ` (under ${under})` : ''}`);
      }
    }
  }
  counts.keptEverywhere = [...keptEverywhere];
  counts.lostEverywhere = [...lostEverywhere];
  return counts;
}
