// The trace waterfall: every span, opened deep inside fetch callbacks,
// timers, awaits and a Rust future of another wasm module, is reported in
// the request that made it, both when it opens and when it closes.
const expectEveryKind = ['request', 'step', 'fetch', 'timer', 'rust'];

async function resultOf(page) {
  await page.waitForFunction(() => globalThis.__waterfall, null, { timeout: 30_000 });
  return page.evaluate(() => globalThis.__waterfall);
}

function check(result) {
  const { spans, requests } = result;
  const wrong = spans.filter((s) => s.trace !== s.claim || s.traceAtEnd !== s.claim);
  if (wrong.length) {
    const first = wrong.slice(0, 5).map((s) => `${s.name} [${s.kind}] made by ${s.claim}: opened in ${s.trace}, closed in ${s.traceAtEnd}`);
    throw new Error(`${wrong.length} of ${spans.length} spans in the wrong request: ${first.join('; ')}`);
  }
  for (const kind of expectEveryKind) {
    const perRequest = new Set(spans.filter((s) => s.kind === kind).map((s) => s.claim));
    if (perRequest.size !== requests) throw new Error(`${kind} spans in ${perRequest.size} of ${requests} requests`);
  }
  // A child closes inside its parent's request and under a parent of that request.
  const byId = new Map(spans.map((s) => [s.id, s]));
  for (const s of spans) {
    const parent = byId.get(s.parent);
    if (s.kind !== 'request' && parent?.claim !== s.claim) throw new Error(`${s.name} of request ${s.claim} hangs under ${parent?.name}`);
    if (s.end === undefined || s.end < s.start) throw new Error(`${s.name} never closed`);
  }
  // The requests really overlapped: each one's span window meets the next one's.
  const windows = Array.from({ length: requests }, (_, i) => spans.find((s) => s.kind === 'request' && s.claim === i + 1));
  for (let i = 1; i < windows.length; i++) {
    if (windows[i].start >= windows[i - 1].end) throw new Error(`request ${i + 1} began after request ${i} ended`);
  }
}

export const tests = [
  {
    name: 'waterfall: every span of 6 overlapping requests is reported in its own request',
    async run(page, { base, shot }) {
      await page.goto(`${base}/waterfall/?seed=7`);
      const result = await resultOf(page);
      check(result);
      const drawn = await page.$$eval('#waterfall .span', (gs) => gs.map((g) => g.dataset.right));
      if (drawn.length !== result.spans.length || drawn.some((r) => r !== 'true')) {
        throw new Error(`drawn ${drawn.length} spans (${drawn.filter((r) => r !== 'true').length} red) for ${result.spans.length}`);
      }
      if (!(await page.textContent('#summary')).includes(`${result.spans.length} spans`)) throw new Error('summary does not count the spans');
      console.log(`waterfall: ${result.spans.length} spans, ${JSON.stringify(result.kinds)}`);
      await shot('waterfall');
    },
  },
  {
    name: 'waterfall: 20 requests run again from the button, still all right',
    async run(page, { base }) {
      await page.goto(`${base}/waterfall/?seed=11`);
      await resultOf(page);
      await page.evaluate(() => delete globalThis.__waterfall);
      await page.fill('#requests', '20');
      await page.click('#run');
      const result = await resultOf(page);
      if (result.requests !== 20) throw new Error(`ran ${result.requests} requests`);
      check(result);
    },
  },
];
