// The Hono page: registers the Service Worker (hono-sw.mjs) and fires 20
// concurrent requests at it; each answers what getContext() held after each
// of its steps. HONO_BUILD names the build: 'hono' (als-wasm) must keep every
// request's own id; 'hono-control' (the one-variable stand-in) must show
// requests reading each other's.
import { emptyCounts, tally } from './steps.mjs';

const BUILD = HONO_BUILD;
const REQUESTS = 20;

async function controlled() {
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
}

async function main() {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push([name, ok, detail]);
  try {
    const seed = Number(new URLSearchParams(location.search).get('seed')) || Math.floor(Math.random() * 1_000_000);
    console.log(`hono ${BUILD}: seed ${seed} (replay with ?seed=${seed})`);
    await controlled();
    const answers = await Promise.all(Array.from({ length: REQUESTS }, (_, i) =>
      fetch(`./api/request?id=${i + 1}&seed=${seed}`).then(async (r) => {
        if (!r.ok) throw new Error(`request ${i + 1}: HTTP ${r.status}`);
        return r.json();
      })));
    const counts = emptyCounts();
    for (const [i, { id, seen }] of answers.entries()) {
      if (id !== i + 1) throw new Error(`request ${i + 1} was answered as request ${id}`);
      tally(counts, id, seen);
    }
    const { leaks, ...numbers } = counts;
    console.log(`INTEGRATION ${JSON.stringify({ build: BUILD, subject: 'hono contextStorage() getContext() in a Service Worker', seed, flows: REQUESTS, ...numbers })}`);
    if (leaks.length) console.log(`  leaks: ${leaks.join('; ')}`);
    if (BUILD === 'hono') {
      check('no request reads another request\'s context (0 leaked)', counts.leaked === 0, `${counts.leaked} leaked`);
      check(`every getContext() after every step holds its own request (${counts.checks})`, counts.kept === counts.checks, `kept ${counts.kept}, lost ${counts.lost}`);
    } else {
      check('the one-variable stand-in lets requests read each other\'s context (leaked > 0)', counts.leaked > 0, `${counts.leaked} leaked`);
    }
  } catch (e) {
    check(`the page ran (${e?.stack ?? e})`, false);
  }
  let passed = 0;
  let failed = 0;
  for (const [name, ok, detail] of checks) {
    console.log(`${ok ? 'ok' : 'FAIL'} - ${BUILD}: ${name}${ok || !detail ? '' : ` (${detail})`}`);
    if (ok) passed++;
    else failed++;
  }
  return { passed, failed };
}

const result = await main();
console.log(`RESULT ${JSON.stringify(result)}`);
globalThis.__alsResult = result;
