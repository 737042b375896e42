// Draws spans as an APM waterfall in an <svg>: one row per span, children
// under the parent OpenTelemetry recorded, bars on one shared time axis. A
// span not where it was made (attribution.js) is drawn red.

export const KINDS = { request: '#3d3d3d', step: '#6272d8', fetch: '#1f9d8b', timer: '#e0a030', rust: '#c2410c' };
const ROW = 18;
const LABEL = 290;
const WIDTH = 1100;
const SVG = 'http://www.w3.org/2000/svg';

export function drawWaterfall(svg, spans, verdicts) {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const rows = inTreeOrder(spans, byId);
  const t0 = Math.min(...spans.map((s) => s.start));
  const t1 = Math.max(...spans.map((s) => s.end));
  const x = (t) => LABEL + ((t - t0) / (t1 - t0 || 1)) * (WIDTH - LABEL - 10);
  const height = (rows.length + 2) * ROW;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
  for (let ms = 0; ms <= t1 - t0; ms += 50) {
    add(svg, 'line', { x1: x(t0 + ms), x2: x(t0 + ms), y1: ROW, y2: height, stroke: '#eee' });
    add(svg, 'text', { x: x(t0 + ms), y: ROW - 5, 'font-size': 10, fill: '#888', 'text-anchor': 'middle' }, `${ms} ms`);
  }
  rows.forEach(({ span, depth }, i) => {
    const y = (i + 1) * ROW;
    const right = verdicts.get(span.id).right;
    const g = add(svg, 'g', { 'data-span': span.id, 'data-right': right, class: 'span' });
    add(g, 'title', {}, describe(span, byId.get(span.parent)));
    if (span.kind === 'request') add(g, 'rect', { x: 0, y, width: WIDTH, height: ROW, fill: '#f4f5f8' });
    add(g, 'text', { x: 6 + depth * 12, y: y + 13, 'font-size': 11.5, 'font-weight': span.kind === 'request' ? 600 : 400, fill: right ? '#222' : '#b3261e' },
      `${right ? '' : '✗ '}${span.name}`);
    add(g, 'rect', {
      x: x(span.start), y: y + 3, width: Math.max(2, x(span.end) - x(span.start)), height: ROW - 6, rx: 2,
      fill: KINDS[span.kind], stroke: right ? 'none' : '#b3261e', 'stroke-width': 2,
    });
  });
}

function describe(span, parent) {
  const ms = (span.end - span.start).toFixed(1);
  const under = span.parent === null ? 'a new trace' : `under ${parent ? `"${parent.name}"` : 'a span never ended'}`;
  const made = span.claim.parent === null ? '' : ` under "${span.claim.parent}"`;
  return `${span.name} (${span.kind}, ${ms} ms): ${under}, trace ${span.trace.slice(0, 8)}…; made by request ${span.claim.request}${made}`;
}

// Traces' roots in request order, each followed by its spans depth-first by
// start time. A span whose parent is not among the spans is a root here.
function inTreeOrder(spans, byId) {
  const children = new Map();
  for (const s of spans) {
    const parent = byId.has(s.parent) ? s.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const out = [];
  const visit = (span, depth) => {
    out.push({ span, depth });
    for (const child of (children.get(span.id) ?? []).sort((a, b) => a.start - b.start)) visit(child, depth + 1);
  };
  const roots = (children.get(null) ?? []).sort((a, b) => a.claim.request - b.claim.request || a.start - b.start);
  for (const root of roots) visit(root, 0);
  return out;
}

function add(parent, tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  parent.append(el);
  return el;
}
