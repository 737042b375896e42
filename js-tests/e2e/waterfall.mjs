// The trace waterfall, traced by OpenTelemetry's web SDK on als-wasm's
// context manager: every span (fetch instrumentation, manual spans, timers,
// the Rust database client's steps) hangs under the span that made it, in its
// request's trace, and ends while that span or itself is active. The counts
// are made here from the raw spans, not taken from the page; the same check
// on OTel's StackContextManager (`?manager=stack`) must find the losses.

// What one request makes: itself, 4 steps (auth, load page, score posts,
// render), 2 fetches, 4 timers, 2 queries of 4 spans each (query + 3 steps).
const PER_REQUEST = { request: 1, step: 4, fetch: 2, timer: 4, rust: 8 };

async function resultOf(page) {
  await page.waitForFunction(() => globalThis.__waterfall, null, { timeout: 30_000 });
  return page.evaluate(() => globalThis.__waterfall);
}

// Each span's claim (request, name of the span it was made in) is the app's
// ground truth. lost: should hang in its request's trace and hangs in no
// request's trace; mixed: hangs in a request's trace under another span.
function count({ spans }) {
  const key = (request, name) => `${request}\u0000${name}`;
  const made = new Map(spans.map((s) => [key(s.claim.request, s.name), s]));
  const roots = new Map(spans.filter((s) => s.claim.parent === null).map((s) => [s.claim.request, s]));
  const requestTraces = new Set([...roots.values()].map((s) => s.trace));
  const lost = [];
  const mixed = [];
  const closedElsewhere = [];
  for (const s of spans) {
    const expected = s.claim.parent === null ? null : made.get(key(s.claim.request, s.claim.parent));
    if (expected === undefined) throw new Error(`${s.name}: no span "${s.claim.parent}" in request ${s.claim.request}`);
    if (expected === null) {
      if (s.parent !== null) mixed.push(s);
    } else if (s.parent === null || !requestTraces.has(s.trace)) lost.push(s);
    else if (s.parent !== expected.id || s.trace !== roots.get(s.claim.request).trace) mixed.push(s);
    if (s.closedIn !== s.id && s.closedIn !== expected?.id) closedElsewhere.push(s);
  }
  return { lost, mixed, closedElsewhere };
}

const show = (spans) => spans.slice(0, 4).map((s) => `${s.name} [${s.kind}] of request ${s.claim.request}`).join('; ');

function checkAllRight(result) {
  const { spans, requests } = result;
  if (spans.length !== 19 * requests) throw new Error(`${spans.length} spans for ${requests} requests`);
  for (let req = 1; req <= requests; req++) {
    for (const [kind, n] of Object.entries(PER_REQUEST)) {
      const got = spans.filter((s) => s.claim.request === req && s.kind === kind).length;
      if (got !== n) throw new Error(`request ${req} made ${got} ${kind} spans, not ${n}`);
    }
  }
  const { lost, mixed, closedElsewhere } = count(result);
  if (lost.length) throw new Error(`${lost.length} of ${spans.length} spans lost their request's trace: ${show(lost)}`);
  if (mixed.length) throw new Error(`${mixed.length} of ${spans.length} spans hang under another span: ${show(mixed)}`);
  if (closedElsewhere.length) throw new Error(`${closedElsewhere.length} spans ended in another context: ${show(closedElsewhere)}`);
  if (new Set(spans.map((s) => s.trace)).size !== requests) throw new Error('not one trace per request');
  for (const s of spans) if (!(s.end >= s.start)) throw new Error(`${s.name} ends before it starts`);
  // The requests really overlapped: each one's window meets the next one's.
  const windows = Array.from({ length: requests }, (_, i) => spans.find((s) => s.kind === 'request' && s.claim.request === i + 1));
  for (let i = 1; i < windows.length; i++) {
    if (windows[i].start >= windows[i - 1].end) throw new Error(`request ${i + 1} began after request ${i} ended`);
  }
}

// The page's own verdict, as drawn: `red` bars, and its published counts.
async function drawn(page, result) {
  const rights = await page.$$eval('#waterfall .span', (gs) => gs.map((g) => g.dataset.right));
  if (rights.length !== result.spans.length) throw new Error(`drew ${rights.length} of ${result.spans.length} spans`);
  return rights.filter((r) => r !== 'true').length;
}

export const tests = [
  {
    name: 'waterfall: every span of 6 overlapping requests hangs under the span that made it, in its trace',
    async run(page, { base, shot }) {
      await page.goto(`${base}/waterfall/?seed=7`);
      const result = await resultOf(page);
      if (result.manager !== 'als-wasm') throw new Error(`ran on ${result.manager}`);
      checkAllRight(result);
      const red = await drawn(page, result);
      if (red || result.wrong) throw new Error(`the page drew ${red} spans red and counted ${result.wrong} wrong`);
      if (!(await page.textContent('#summary')).includes(`${result.spans.length} spans`)) throw new Error('summary does not count the spans');
      console.log(`waterfall: ${result.spans.length} spans, ${JSON.stringify(result.kinds)}: 0 lost, 0 mixed, 0 ended elsewhere`);
      await shot('waterfall');
    },
  },
  {
    name: 'waterfall: 20 requests run again from the button, still every parent right',
    async run(page, { base }) {
      await page.goto(`${base}/waterfall/?seed=11`);
      await resultOf(page);
      await page.evaluate(() => delete globalThis.__waterfall);
      await page.fill('#requests', '20');
      await page.click('#run');
      const result = await resultOf(page);
      if (result.requests !== 20) throw new Error(`ran ${result.requests} requests`);
      checkAllRight(result);
      console.log(`waterfall: 20 requests, ${result.spans.length} spans: 0 lost, 0 mixed, 0 ended elsewhere`);
    },
  },
  {
    name: "waterfall: on OTel's StackContextManager the same check counts the parents it loses",
    async run(page, { base, shot }) {
      await page.goto(`${base}/waterfall/?seed=7&manager=stack`);
      const result = await resultOf(page);
      if (result.manager !== 'stack') throw new Error(`ran on ${result.manager}`);
      const { lost, mixed, closedElsewhere } = count(result);
      // Synchronous only: after a request's first await, its spans start new traces.
      if (!lost.length) throw new Error('the check found no lost parent on StackContextManager');
      const page_ = { lost: result.lost, mixed: result.mixed, closedElsewhere: result.closedElsewhere };
      const ours = { lost: lost.length, mixed: mixed.length, closedElsewhere: closedElsewhere.length };
      if (JSON.stringify(page_) !== JSON.stringify(ours)) throw new Error(`the page counted ${JSON.stringify(page_)}, the test ${JSON.stringify(ours)}`);
      const red = await drawn(page, result);
      if (red !== result.wrong || !red) throw new Error(`drew ${red} spans red for ${result.wrong} wrong`);
      console.log(`waterfall on StackContextManager: ${result.spans.length} spans, ${ours.lost} lost, ${ours.mixed} mixed, ${ours.closedElsewhere} ended elsewhere (${red} drawn red)`);
      await shot('waterfall-stack');
    },
  },
];
