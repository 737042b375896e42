// The service worker of service-worker.html, bundled by build.mjs: the
// flows (flows.mjs) when the page asks, and requests as a Service Worker
// app serves them, each fetch handler in the store of its own request.
import { AsyncLocalStorage, engine } from 'als-wasm/csp';
import { concurrentFlows, stepsFor } from './flows.mjs';

const storage = new AsyncLocalStorage();
const steps = stepsFor('./data.json');

addEventListener('install', () => skipWaiting());
addEventListener('activate', (event) => event.waitUntil(clients.claim()));

addEventListener('message', (event) => {
  const [port] = event.ports;
  event.waitUntil(
    concurrentFlows(storage, { seed: event.data.seed, fetchUrl: './data.json' }).then(
      (result) => port.postMessage({ engine, result }),
      (error) => port.postMessage({ error: String(error?.stack ?? error) }),
    ),
  );
});

// GET ./flow?id=N answers what getStore() saw after each step of the handler.
addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!url.pathname.endsWith('/flow')) return;
  const id = Number(url.searchParams.get('id'));
  event.respondWith(storage.run({ id }, async () => {
    const seen = [];
    for (const step of ['await fetch and body', 'setTimeout callback', 'MessageChannel message', 'await settled', 'await timer']) {
      seen.push({ step, id: (await steps[step](storage, id))?.id ?? null });
    }
    return new Response(JSON.stringify(seen), { headers: { 'content-type': 'application/json' } });
  }));
});
