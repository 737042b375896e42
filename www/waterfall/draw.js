// Draws spans as an APM waterfall in an <svg>: one row per span, grouped by
// the request the tracer reported, children under their parent, bars on one
// shared time axis. A span reported in the wrong request is drawn red.
import { attributedRight } from './tracer.js';

export const KINDS = { request: '#3d3d3d', step: '#6272d8', fetch: '#1f9d8b', timer: '#e0a030', rust: '#c2410c' };
const ROW = 18;
const LABEL = 290;
const WIDTH = 1100;
const SVG = 'http://www.w3.org/2000/svg';

export function drawWaterfall(svg, spans) {
  const rows = inTreeOrder(spans);
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
    const right = attributedRight(span);
    const g = add(svg, 'g', { 'data-span': span.id, 'data-right': right, class: 'span' });
    add(g, 'title', {}, describe(span));
    if (span.kind === 'request') add(g, 'rect', { x: 0, y, width: WIDTH, height: ROW, fill: '#f4f5f8' });
    add(g, 'text', { x: 6 + depth * 12, y: y + 13, 'font-size': 11.5, 'font-weight': span.kind === 'request' ? 600 : 400, fill: right ? '#222' : '#b3261e' },
      `${right ? '' : '✗ '}${span.name}`);
    add(g, 'rect', {
      x: x(span.start), y: y + 3, width: Math.max(2, x(span.end) - x(span.start)), height: ROW - 6, rx: 2,
      fill: KINDS[span.kind], stroke: right ? 'none' : '#b3261e', 'stroke-width': 2,
    });
  });
}

function describe(span) {
  const ms = (span.end - span.start).toFixed(1);
  return `${span.name} (${span.kind}, ${ms} ms): reported in request ${span.trace}, closed in ${span.traceAtEnd}; made by request ${span.claim}`;
}

// Requests in order, each followed by its spans depth-first by start time.
function inTreeOrder(spans) {
  const children = new Map();
  for (const s of spans) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const out = [];
  const visit = (span, depth) => {
    out.push({ span, depth });
    for (const child of (children.get(span.id) ?? []).sort((a, b) => a.start - b.start)) visit(child, depth + 1);
  };
  for (const root of (children.get(null) ?? []).sort((a, b) => a.trace - b.trace)) visit(root, 0);
  return out;
}

function add(parent, tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  parent.append(el);
  return el;
}
