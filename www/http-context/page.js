// The page: starts the Service Worker, then on each click sends a batch of
// concurrent requests and shows what every layer of every request saw.
import { startServiceWorker } from './page/service_worker.js';
import { fetchPitfalls, planBatch, sendBatch } from './page/batch.js';
import { renderTable } from './page/results_table.js';
import { renderSummary } from './page/summary.js';
import { renderListeners, renderTopLevel } from './page/pitfall_boxes.js';

const N = 12;
const button = document.querySelector('#send');
const status = document.querySelector('#sw-status');
const summary = document.querySelector('#summary');

function fail(error) {
  status.className = 'bad';
  status.textContent = `Error: ${error.message}`;
  console.error(error);
}

button.addEventListener('click', async () => {
  button.disabled = true;
  summary.className = 'muted';
  summary.dataset.state = 'sending';
  summary.textContent = `Sending ${N} requests at once…`;
  try {
    const { batch, requests } = planBatch(N);
    const { reports, pitfalls } = await sendBatch(requests);
    renderTable(document.querySelector('#results'), { batch, requests, reports, pitfalls });
    renderSummary(summary, reports);
    renderTopLevel(pitfalls);
    renderListeners(reports, pitfalls);
  } catch (error) {
    fail(error);
  } finally {
    button.disabled = false;
  }
});

try {
  await startServiceWorker((text) => (status.textContent = text));
  status.textContent = 'The Service Worker controls this page.';
  renderTopLevel((await fetchPitfalls()).data);
  button.disabled = false;
} catch (error) {
  fail(error);
}
