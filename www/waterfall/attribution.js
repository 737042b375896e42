// Whether each span hangs where it was made: under the span its claim names,
// in its request's trace, and ended while that span or itself was active.
// A span is `lost` when it should hang in a request's trace and hangs in none
// (no parent: a new trace; or under a span cut off from every request);
// `mixed` when it hangs in a request's trace under another span than its own.
export function attribution(spans) {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const key = (request, name) => `${request}\u0000${name}`;
  const made = new Map(spans.map((s) => [key(s.claim.request, s.name), s]));
  const roots = new Map(spans.filter((s) => s.claim.parent === null).map((s) => [s.claim.request, s]));
  const requestTraces = new Set([...roots.values()].map((s) => s.trace));
  const verdicts = new Map();
  for (const s of spans) {
    const expected = s.claim.parent === null ? null : made.get(key(s.claim.request, s.claim.parent));
    let hangs;
    if (expected === null) hangs = s.parent === null ? 'right' : 'mixed';
    else if (s.parent === null || !requestTraces.has(s.trace)) hangs = 'lost';
    else hangs = byId.get(s.parent) === expected && s.trace === roots.get(s.claim.request)?.trace ? 'right' : 'mixed';
    const closed = s.closedIn === s.id || (expected != null && s.closedIn === expected.id);
    verdicts.set(s.id, { hangs, closed, right: hangs === 'right' && closed });
  }
  const count = (f) => [...verdicts.values()].filter(f).length;
  return {
    verdicts,
    lost: count((v) => v.hangs === 'lost'),
    mixed: count((v) => v.hangs === 'mixed'),
    closedElsewhere: count((v) => !v.closed),
  };
}
