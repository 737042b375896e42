// The one-line verdict above the table.
import { LAYERS } from './layers.js';
import { allInFlightAtOnce, answeredOutOfOrder, countWrong } from './verdict.js';

export function renderSummary(element, reports) {
  const total = reports.length * LAYERS.length;
  const wrong = countWrong(reports);
  const head = `${reports.length} requests × ${LAYERS.length} layers: `;
  const concurrency = [
    allInFlightAtOnce(reports) ? `all ${reports.length} were in flight in the Service Worker at the same time` : 'they did not all overlap in the Service Worker',
    answeredOutOfOrder(reports) ? 'and were answered out of order' : 'and were answered in order',
  ].join(' ');
  element.className = wrong ? 'bad' : 'ok';
  element.innerHTML = `<strong>${head}${wrong ? `${wrong} of ${total} reads saw another request or none` : 'all saw their own request'}.</strong>
    <span class="muted">(${concurrency}.)</span>`;
  element.dataset.state = 'done';
}
