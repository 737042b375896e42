// The page: starts overlapping requests, waits for their spans, draws the
// waterfall and publishes what it found (globalThis.__waterfall, for the e2e
// test). `?manager=stack` runs the same page on OTel's StackContextManager.
import init from './db/pkg/waterfall_db.js';
import { handle } from './app.js';
import { collector, MANAGERS, startTracing } from './tracing.js';
import { attribution } from './attribution.js';
import { drawWaterfall, KINDS } from './draw.js';
import { mulberry32 } from '../rng.js';

await init();

const params = new URLSearchParams(location.search);
const seed = Number(params.get('seed') ?? Date.now() % 1e6);
const manager = params.get('manager') in MANAGERS ? params.get('manager') : 'als-wasm';
startTracing(manager);
const $ = (id) => document.getElementById(id);

async function run(requests) {
  $('run').disabled = true;
  collector.clear();
  const random = mulberry32(seed);
  const started = [];
  for (let req = 1; req <= requests; req++) {
    started.push(handle(req, random));
    await new Promise((resolve) => setTimeout(resolve, 12));
  }
  await Promise.all(started);
  await collector.settled();
  const spans = structuredClone(collector.spans);
  const { verdicts, lost, mixed, closedElsewhere } = attribution(spans);
  drawWaterfall($('waterfall'), spans, verdicts);
  const wrong = spans.filter((s) => !verdicts.get(s.id).right).length;
  const kinds = Object.fromEntries(Object.keys(KINDS).map((k) => [k, spans.filter((s) => s.kind === k).length]));
  $('summary').className = wrong ? 'bad' : 'ok';
  $('summary').textContent = wrong
    ? `${wrong} of ${spans.length} spans are not where they were made: ${lost} lost their request's trace, ${mixed} hang under another span, ${closedElsewhere} ended in another context`
    : `${spans.length} spans from ${requests} overlapping requests, each under the span that made it`;
  globalThis.__waterfall = { seed, requests, manager, spans, wrong, lost, mixed, closedElsewhere, kinds };
  $('run').disabled = false;
}

$('legend').append(...Object.entries(KINDS).map(([kind, color]) => {
  const item = document.createElement('span');
  item.innerHTML = `<i style="background:${color}"></i>${kind}`;
  return item;
}));
$('seed').textContent = seed;
$('manager').textContent = manager;
$('run').onclick = () => run(Number($('requests').value));
run(Number($('requests').value));
