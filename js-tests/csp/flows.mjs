// Concurrent flows for the realms a strict policy governs (service workers,
// extension pages and background workers), where the harness's top-level
// await cannot run: `count` flows, each in its own store, take `rounds`
// random steps across native awaits, fetches, timers, events, IndexedDB
// requests and, in an extension, chrome.storage callbacks, and check the
// store after each. Seeing another flow's store is a leak; seeing none, a
// loss (counted by step). Answers { checks, kept, lost: { step: n }, leaked }.
import { rng } from '../support/random.mjs';

const tick = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function idbStep() {
  if (!globalThis.indexedDB) return null;
  let opened;
  const db = () => (opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('als-wasm-flows', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('kv');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }));
  // The request's success listener, as IndexedDB code is written: a callback.
  return async (storage, id) => {
    const store = (await db()).transaction('kv', 'readwrite').objectStore('kv');
    return new Promise((resolve, reject) => {
      const request = store.put(id, `flow-${id}`);
      request.onsuccess = () => resolve(storage.getStore());
      request.onerror = () => reject(request.error);
    });
  };
}

// chrome.storage in an extension: the callback form and the promise form.
function chromeStorageSteps() {
  const area = globalThis.chrome?.storage?.local;
  if (!area) return {};
  return {
    'chrome.storage callback': (storage, id) =>
      new Promise((resolve) => area.set({ [`flow-${id}`]: id }, () => area.get(`flow-${id}`, () => resolve(storage.getStore())))),
    'await chrome.storage': async (storage, id) => {
      await area.set({ [`flow-${id}`]: id });
      await area.get(`flow-${id}`);
      return storage.getStore();
    },
  };
}

export function stepsFor(fetchUrl) {
  const steps = {
    'await settled': async (storage) => {
      await Promise.resolve(1);
      return storage.getStore();
    },
    'await timer': async (storage) => {
      await tick(1);
      return storage.getStore();
    },
    'setTimeout callback': (storage) => new Promise((resolve) => setTimeout(() => resolve(storage.getStore()), 0)),
    'await fetch and body': async (storage) => {
      const response = await fetch(fetchUrl);
      await response.text();
      return storage.getStore();
    },
    'fetch then': (storage) => fetch(fetchUrl).then(() => storage.getStore()),
    'await crypto.subtle': async (storage) => {
      await crypto.subtle.digest('SHA-256', new Uint8Array(8));
      return storage.getStore();
    },
    'MessageChannel message': (storage) =>
      new Promise((resolve) => {
        const { port1, port2 } = new MessageChannel();
        port2.onmessage = () => {
          port1.close();
          port2.close();
          resolve(storage.getStore());
        };
        port1.postMessage(1);
      }),
    'EventTarget listener': (storage) =>
      new Promise((resolve) => {
        const target = new EventTarget();
        target.addEventListener('x', () => resolve(storage.getStore()), { once: true });
        setTimeout(() => target.dispatchEvent(new Event('x')), 0);
      }),
    ...chromeStorageSteps(),
  };
  const idb = idbStep();
  if (idb) steps['IndexedDB request onsuccess'] = idb;
  return steps;
}

export async function concurrentFlows(storage, { count = 20, rounds = 12, seed = 1, fetchUrl }) {
  const steps = stepsFor(fetchUrl);
  const names = Object.keys(steps);
  const random = rng(seed);
  const result = { checks: 0, kept: 0, lost: {}, leaked: 0, leaks: [] };
  const check = (id, step, seen) => {
    result.checks++;
    if (seen?.id === id) result.kept++;
    else if (seen === undefined) result.lost[step] = (result.lost[step] ?? 0) + 1;
    else {
      result.leaked++;
      if (result.leaks.length < 5) result.leaks.push(`flow ${id} saw ${JSON.stringify(seen)} after ${step}`);
    }
  };
  const plans = Array.from({ length: count }, () => Array.from({ length: rounds }, () => names[Math.floor(random() * names.length)]));
  await Promise.all(plans.map((plan, i) => new Promise((resolve, reject) => {
    // Each flow starts from a timer of its own, so that flows interleave.
    setTimeout(() => storage.run({ id: i + 1 }, async () => {
      for (const step of plan) check(i + 1, step, await steps[step](storage, i + 1));
    }).then(resolve, reject), Math.floor(random() * 5));
  })));
  return result;
}

// The harness's { passed, failed } for one realm's flows: every check kept.
export function verdict(where, result) {
  const ok = result.leaked === 0 && Object.keys(result.lost).length === 0 && result.checks > 0;
  const line = `${ok ? 'ok' : 'FAIL'} ${where}: ${result.checks} checks, kept ${result.kept}, ` +
    `lost ${JSON.stringify(result.lost)}, leaked ${result.leaked}${result.leaks.length ? ` (${result.leaks.join('; ')})` : ''}`;
  return { ok, line };
}
