// The Service Worker of sw.html (an MV3 extension's background has this
// shape): on the page's message it runs the 20 concurrent graph runs
// (runs.mjs) and posts the counts back on the message's port, with the
// name of the global scope they ran in.
import 'langgraph-setup';
import { dispatch } from 'langgraph-dispatch';
import { runFlows } from './runs.mjs';

addEventListener('install', () => skipWaiting());
addEventListener('activate', (event) => event.waitUntil(clients.claim()));

addEventListener('message', (event) => {
  const [port] = event.ports;
  event.waitUntil(
    runFlows({ seed: event.data.seed, dispatch }).then(
      (result) => port.postMessage({ result, scope: self.constructor.name }),
      (error) => port.postMessage({ error: String(error?.stack ?? error) }),
    ),
  );
});
