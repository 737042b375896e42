// Counts what each flow's events and spans kept, lost and leaked, from what
// the transport received. Kept: the flow's own tag, breadcrumb, request
// breadcrumb, active span or span parent is there. Lost: it is missing.
// Leaked: another flow's tag, breadcrumb or span is there instead or beside it.
import { CHILDREN, spanName } from './flows.mjs';

const flowOf = (text) => Number(/^flow-(\d+)\b/.exec(text ?? '')?.[1]) || undefined;
const requestFlow = (url) => Number(/[?&]flow=(\d+)&request=/.exec(url ?? '')?.[1]) || undefined;
const keyOf = (event) => event.message ?? event.exception?.values?.[0]?.value;

export function count(events, sent, captures, flows) {
  const tally = () => ({ kept: 0, lost: 0, leaked: 0 });
  const c = { tags: tally(), crumbs: tally(), requests: tally(), eventSpans: tally(), spans: tally(), missingEvents: 0 };
  const problems = [];
  const bad = (flow, what) => problems.push(`flow ${flow}: ${what}`);

  // Every span sent, by id.
  const spans = new Map(sent.map((s) => [s.id, s]));
  const spanFlow = (id) => flowOf(spans.get(id)?.name);

  const byKey = new Map(events.map((e) => [keyOf(e), e]));
  for (const [key, want] of captures) {
    const { flow } = want;
    const event = byKey.get(key);
    if (!event) {
      c.missingEvents++;
      bad(flow, `no event for "${key}"`);
      continue;
    }
    const tags = event.tags ?? {};
    const one = (kind, ok, leak, what) => {
      const verdict = ok ? 'kept' : leak ? 'leaked' : 'lost';
      c[kind][verdict]++;
      if (!ok) bad(flow, `${key}: ${what} ${verdict}`);
    };
    one('tags', tags.flow === flow, tags.flow !== undefined, `tag flow=${tags.flow}`);
    one('tags', tags[`flow-${flow}`] === 'own', false, `tag flow-${flow}`);
    for (const name of Object.keys(tags)) {
      if (/^flow-\d+$/.test(name) && name !== `flow-${flow}`) one('tags', false, true, `tag ${name}`);
    }
    if (want.scopeTag) one('tags', tags.scope === flow, tags.scope !== undefined, `tag scope=${tags.scope}`);
    else if (tags.scope !== undefined && tags.scope !== flow) one('tags', false, true, `tag scope=${tags.scope}`);

    const crumbs = event.breadcrumbs ?? [];
    const own = new Set(crumbs.filter((b) => b.category === 'flow').map((b) => b.message));
    for (const m of want.crumbs) one('crumbs', own.has(m), false, `breadcrumb "${m}"`);
    for (const b of crumbs) {
      if (b.category === 'flow' && b.data?.flow !== flow) one('crumbs', false, true, `breadcrumb "${b.message}"`);
    }
    // Sentry's own breadcrumbs of fetch and XHR requests.
    const urls = crumbs.map((b) => b.data?.url).filter((u) => requestFlow(u) !== undefined);
    for (const u of want.requests) one('requests', urls.some((x) => x.endsWith(u)), false, `request breadcrumb ${u}`);
    for (const u of urls) if (requestFlow(u) !== flow) one('requests', false, true, `request breadcrumb ${u}`);

    const active = event.contexts?.trace?.span_id;
    if (want.span) one('eventSpans', active === want.span, spanFlow(active) !== undefined && spanFlow(active) !== flow, `active span ${spans.get(active)?.name ?? active}`);
    else if (spanFlow(active) !== undefined && spanFlow(active) !== flow) one('eventSpans', false, true, `active span ${spans.get(active)?.name}`);
  }

  // Each flow's span tree: its root span has no parent; each child's parent
  // is the span CHILDREN names.
  const byName = new Map([...spans].map(([id, s]) => [s.name, { id, ...s }]));
  for (let flow = 1; flow <= flows; flow++) {
    const check = (part, wantParent) => {
      const span = byName.get(spanName(flow, part));
      const parent = span && spans.get(span.parent);
      const ok = span !== undefined && (wantParent ? parent?.name === spanName(flow, wantParent) : span.parent === undefined);
      const leak = spanFlow(span?.parent) !== undefined && spanFlow(span?.parent) !== flow;
      const verdict = ok ? 'kept' : leak ? 'leaked' : 'lost';
      c.spans[verdict]++;
      if (!ok) bad(flow, `span ${spanName(flow, part)} ${verdict}: parent ${parent?.name ?? span?.parent ?? (span ? 'none' : 'span missing')}`);
    };
    check('root', undefined);
    for (const [part, parent] of Object.entries(CHILDREN)) check(part, parent);
  }

  const total = { kept: 0, lost: 0, leaked: 0 };
  for (const kind of ['tags', 'crumbs', 'requests', 'eventSpans', 'spans']) for (const k in total) total[k] += c[kind][k];
  return { ...total, ...c, problems };
}
