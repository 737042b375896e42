// The page: starts overlapping requests, waits for them, draws the waterfall
// and publishes what it found (globalThis.__waterfall, for the e2e test).
import init from './db/pkg/waterfall_db.js';
import { handle } from './app.js';
import { spans, attributedRight } from './tracer.js';
import { drawWaterfall, KINDS } from './draw.js';
import { mulberry32 } from '../rng.js';

await init();

const seed = Number(new URLSearchParams(location.search).get('seed') ?? Date.now() % 1e6);
const $ = (id) => document.getElementById(id);

async function run(requests) {
  $('run').disabled = true;
  spans.length = 0;
  const random = mulberry32(seed);
  const started = [];
  for (let req = 1; req <= requests; req++) {
    started.push(handle(req, random));
    await new Promise((resolve) => setTimeout(resolve, 12));
  }
  await Promise.all(started);
  drawWaterfall($('waterfall'), spans);
  const wrong = spans.filter((s) => !attributedRight(s));
  const kinds = Object.fromEntries(Object.keys(KINDS).map((k) => [k, spans.filter((s) => s.kind === k).length]));
  $('summary').className = wrong.length ? 'bad' : 'ok';
  $('summary').textContent = wrong.length
    ? `${wrong.length} of ${spans.length} spans were reported in the wrong request`
    : `${spans.length} spans from ${requests} overlapping requests, each reported in the request that made it`;
  globalThis.__waterfall = { seed, requests, spans: structuredClone(spans), wrong: wrong.length, kinds };
  $('run').disabled = false;
}

$('legend').append(...Object.entries(KINDS).map(([kind, color]) => {
  const item = document.createElement('span');
  item.innerHTML = `<i style="background:${color}"></i>${kind}`;
  return item;
}));
$('seed').textContent = seed;
$('run').onclick = () => run(Number($('requests').value));
run(Number($('requests').value));
