// The Manifest V3 extension's background service worker (bundled by
// build.mjs): runs the flows (flows.mjs) when the extension page asks.
import { AsyncLocalStorage, engine } from 'als-wasm/csp';
import { concurrentFlows } from './flows.mjs';

const storage = new AsyncLocalStorage();

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.run !== 'flows') return false;
  concurrentFlows(storage, { seed: message.seed, fetchUrl: chrome.runtime.getURL('data.json') }).then(
    (result) => sendResponse({ engine, result }),
    (error) => sendResponse({ error: String(error?.stack ?? error) }),
  );
  return true; // answers asynchronously
});
