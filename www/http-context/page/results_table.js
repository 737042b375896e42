// The table: one row per request, one column per layer, showing which request
// that layer saw (green: its own; red: another or none), and a last column for
// the listener's work deferred past the response.
import { LAYERS } from './layers.js';
import { verdict } from './verdict.js';

const CLASS = { own: 'ok', other: 'bad', none: 'bad' };

// "#07" for a request of this batch, the full id otherwise.
const label = (id, batch) => (id == null ? 'null' : id.startsWith(`${batch}-`) ? `#${id.slice(batch.length + 1)}` : id);

export function renderTable(container, { batch, requests, reports, pitfalls }) {
  const t0 = Math.min(...reports.map((r) => r.window.start));
  const span = Math.max(...reports.map((r) => r.window.end)) - t0;
  const head = LAYERS.map(([, title, where]) => `<th>${title}<small>${where}</small></th>`).join('');
  const rows = reports.map((report, i) => {
    const request = requests[i];
    const { start, end } = report.window;
    const bar = `<div class="timeline" title="${(end - start).toFixed(0)} ms in the Service Worker"><span style="left:${((start - t0) / span) * 100}%;width:${((end - start) / span) * 100}%"></span></div>`;
    const cells = LAYERS.map(([key]) => {
      const seen = report.seen?.[key];
      const v = verdict(report, key);
      const at = seen ? `at +${(seen.at - start).toFixed(0)} ms` : 'not reported';
      // The getter's answer, computed for the user it found in the context.
      const answer = key === 'modelGetter' ? ` · ${report.data.isLiked}` : '';
      return `<td class="layer ${CLASS[v]}" title="${seen?.saw ?? 'null'} ${at}">${label(seen?.saw, batch)}${answer}</td>`;
    }).join('');
    const later = pitfalls.afterResponse[report.requestId];
    return `<tr><th>${label(report.requestId, batch)}</th>
      <td class="who">${request.user} → post ${request.post}<br>
      <small class="muted">timer ${request.wait} + fetch ${request.delay} ms</small>${bar}</td>${cells}${afterResponseCell(report, later, batch)}</tr>`;
  }).join('');
  container.innerHTML = `<table><thead><tr><th>request</th><th>user → post<small>awaits, time in the SW</small></th>${head}<th>deferred listener<small>runs after its request was answered</small></th></tr></thead><tbody>${rows}</tbody></table>
    <details><summary>Raw JSON of the first response</summary><pre>${escape(JSON.stringify(reports[0], null, 2))}</pre></details>`;
}

// Its own request, flagged as already answered, is the expected warning.
function afterResponseCell(report, later, batch) {
  if (!later) return '<td class="layer bad">no record</td>';
  const own = later.saw === report.requestId;
  const flag = later.answered ? 'answered' : 'not answered';
  const when = later.answered ? `, ${(later.at - later.answeredAt).toFixed(0)} ms after its response` : '';
  return `<td class="layer ${own && later.answered ? 'mixed' : 'bad'}" title="${later.saw}${when}">${label(later.saw, batch)} · ${flag}</td>`;
}

const escape = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
