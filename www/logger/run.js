// One implementation in a realm of its own (als-wasm and zone.js both replace
// Promise): loads its adapter, runs the reference as written, then the
// simulated requests, and posts every line to the page that framed it.
import { planRequests } from './plan.js';
import { makeLogger } from './logger.js';
import { handleRequest } from './requests.js';
import { reference } from './reference.js';

const ADAPTERS = {
  'als-wasm': './adapters/als-wasm.js',
  'als-browser': './adapters/als-browser.js',
  'zone.js': './adapters/zone-js.js',
};
// A run that has not finished by then is reported as such, not left spinning.
const WATCHDOG_MS = 60_000;

const params = new URLSearchParams(location.search);
const impl = params.get('impl');
const token = params.get('run');
const seed = Number(params.get('seed'));
const count = Number(params.get('requests'));
const post = (message) => parent.postMessage({ ...message, impl, run: token }, location.origin);

addEventListener('error', (e) => post({ type: 'error', message: String(e.message) }));
addEventListener('unhandledrejection', (e) => post({ type: 'error', message: String(e.reason?.stack ?? e.reason) }));

const { AsyncLocalStorage } = await import(ADAPTERS[impl]);
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The reference prints through a console of our own; its two timers are due
// long before the wait ends.
const printed = [];
reference(AsyncLocalStorage, { log: (...parts) => printed.push(parts.join(' ')) });
await wait(50);
post({ type: 'reference', lines: printed });

const storage = new AsyncLocalStorage();
const logWithId = makeLogger(storage, (line) => post({ type: 'line', ...line }));
const errors = [];
const started = performance.now();
const watchdog = setTimeout(() => post({ type: 'done', timedOut: true, errors }), WATCHDOG_MS);

// Requests arrive at their planned times, each from the top level as a
// server's request event would, and run inside storage.run(id, …).
const arrive = (request) =>
  new Promise((resolve) =>
    setTimeout(() => {
      storage
        .run(request.id, handleRequest, request, logWithId)
        .catch((e) => errors.push(`request ${request.id}: ${e?.stack ?? e}`))
        .then(resolve);
    }, request.arriveMs),
  );

await Promise.all(planRequests(seed, count).map(arrive));
clearTimeout(watchdog);
post({ type: 'done', ms: Math.round(performance.now() - started), errors });
