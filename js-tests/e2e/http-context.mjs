// www/http-context/: a Service Worker answers the page's real fetches inside
// storage.run(ctx, …). Asserted from the responses themselves (as the page
// received them from the Service Worker) and from the page's headers: every
// layer of every request saw that request, inside its time window; the
// requests overlapped; the guide's pitfalls came out as the guide says.

// Every layer the Service Worker reports on (its `seen` keys).
const LAYERS = ['authMiddleware', 'controller', 'idbCallback', 'idbAfterAwait', 'cacheRead', 'modelGetter', 'eventListener', 'timingMiddleware'];
// Requests the page sends per click.
const N = 12;

function check(failures, ok, message) {
  if (!ok) failures.push(message);
}

// Each /api/posts/ response the page got, with the request id and user it sent.
function collectResponses(page) {
  const pending = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/http-context/api/')) return;
    const headers = response.request().headers();
    pending.push(
      response.json().then((report) => ({
        path: url.pathname,
        status: response.status(),
        fromServiceWorker: response.fromServiceWorker(),
        sentId: headers['x-request-id'],
        sentUser: headers.authorization?.replace(/^Bearer /, ''),
        report,
      })),
    );
  });
  return () => Promise.all(pending);
}

function checkPosts(posts, failures) {
  check(failures, posts.length === N, `expected ${N} post responses, got ${posts.length}`);
  for (const { status, fromServiceWorker, sentId, sentUser, report } of posts) {
    const id = report.requestId;
    check(failures, status === 200, `${sentId}: status ${status} (${JSON.stringify(report.data)})`);
    check(failures, fromServiceWorker, `${sentId}: not answered by the Service Worker`);
    check(failures, id === sentId, `response for ${sentId} says it is ${id}`);
    check(failures, report.user === sentUser, `${id}: authenticated ${report.user}, sent ${sentUser}`);
    const { start, end } = report.window;
    for (const layer of LAYERS) {
      const seen = report.seen?.[layer];
      check(failures, seen?.saw === id, `${id}: ${layer} saw ${JSON.stringify(seen?.saw)}`);
      if (seen) check(failures, seen.at >= start && seen.at <= end, `${id}: ${layer} read at ${seen.at}, outside the request [${start}, ${end}]`);
    }
    // The model getter found the user through the context: its answer must be that user's.
    const { isLiked, likedBy } = report.data ?? {};
    check(failures, isLiked === likedBy?.includes(sentUser), `${id}: isLiked ${isLiked} for ${sentUser}, liked by ${likedBy}`);
  }
  // Concurrency: one moment at which every request was in flight in the Service Worker.
  const lastStart = Math.max(...posts.map((p) => p.report.window.start));
  const firstEnd = Math.min(...posts.map((p) => p.report.window.end));
  check(failures, lastStart < firstEnd, `requests did not all overlap: last started ${lastStart}, first answered ${firstEnd}`);
}

function checkPitfalls(posts, pitfalls, failures) {
  const { topLevel, afterResponse } = pitfalls.data;
  check(failures, topLevel.get === null, `top-level HttpContext.get() was ${JSON.stringify(topLevel.get)}, not null`);
  check(failures, /no HTTP request/.test(topLevel.getOrFail.threw ?? ''), `top-level getOrFail() did not throw: ${JSON.stringify(topLevel.getOrFail)}`);
  for (const { report } of posts) {
    const id = report.requestId;
    const later = afterResponse[id];
    check(failures, later?.saw === id, `${id}: deferred listener saw ${JSON.stringify(later?.saw)}`);
    check(failures, later?.answered === true, `${id}: deferred listener not flagged as after the response (${JSON.stringify(later)})`);
    check(failures, later?.at > report.window.end, `${id}: deferred listener ran at ${later?.at}, before the response at ${report.window.end}`);
  }
}

async function checkPage(page, failures) {
  const summary = await page.textContent('#summary');
  check(failures, summary.includes(`${N} requests × ${LAYERS.length} layers: all saw their own request`), `summary: ${summary}`);
  const ok = await page.locator('#results td.layer.ok').count();
  const bad = await page.locator('#results td.layer.bad').count();
  const flagged = await page.locator('#results td.layer.mixed').count();
  check(failures, ok === N * LAYERS.length && bad === 0 && flagged === N, `table: ${ok} green, ${bad} red, ${flagged} flagged cells`);
  const topLevel = await page.textContent('#pitfall-top-level .result');
  check(failures, topLevel.startsWith('get() → null'), `top-level box: ${topLevel}`);
  const deferred = await page.textContent('#pitfall-after-response .result');
  check(failures, deferred.includes('request already answered'), `deferred box: ${deferred}`);
}

// Uncaught errors in the Service Worker reach no console Playwright reports:
// listen for them inside it, and answer a function that reads them.
async function watchUncaught(worker) {
  await worker.evaluate(() => {
    globalThis.__uncaught = [];
    self.addEventListener('error', (e) => globalThis.__uncaught.push(`service worker: ${e.message}`));
    self.addEventListener('unhandledrejection', (e) => globalThis.__uncaught.push(`service worker: unhandled ${e.reason}`));
  });
  return () => worker.evaluate(() => globalThis.__uncaught ?? ['service worker restarted: its errors are lost']);
}

async function pageOnly(page, { base, shot }) {
  await page.goto(`${base}/http-context/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.click('#send:not([disabled])', { timeout: 15_000 });
  await page.waitForSelector('#summary[data-state=done]', { timeout: 20_000 });
  await shot('http-context');
  const failures = [];
  await checkPage(page, failures);
  if (failures.length) throw new Error(`${failures.length} failures:\n  ${failures.join('\n  ')}`);
}

export const tests = [
  {
    name: 'http-context: 12 concurrent requests to a Service Worker, every layer sees its own HttpContext; the pitfalls as the guide says',
    async run(page, { base, shot, context, errors }) {
      // Over WebDriver (WebKit) there are no responses, Service Worker console
      // or worker handle to read: what the page itself shows is checked.
      if (!context) return pageOnly(page, { base, shot });
      // Service Worker errors do not reach the page's console.
      context.on('console', (m) => {
        if (m.type() === 'error' && !m.page()) errors.push(`service worker: ${m.text()}`);
      });
      context.on('weberror', (e) => errors.push(`web error: ${e.error().message}`));
      const delays = [];
      context.on('request', (r) => {
        if (r.serviceWorker() && new URL(r.url()).pathname === '/api/delay') delays.push(r.url());
      });
      const responses = collectResponses(page);
      const worker = context.waitForEvent('serviceworker', { timeout: 15_000 });

      await page.goto(`${base}/http-context/`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
      const uncaught = await watchUncaught(await worker);
      await page.click('#send:not([disabled])', { timeout: 15_000 });
      await page.waitForSelector('#summary[data-state=done]', { timeout: 20_000 });
      await shot('http-context');

      const all = await responses();
      const posts = all.filter((r) => r.path.startsWith('/http-context/api/posts/'));
      const pitfalls = all.filter((r) => r.path === '/http-context/api/pitfalls' && r.report.data.afterResponse && Object.keys(r.report.data.afterResponse).length);
      const failures = [];
      checkPosts(posts, failures);
      check(failures, pitfalls.length === 1, `expected one pitfalls report for the batch, got ${pitfalls.length}`);
      if (pitfalls.length) checkPitfalls(posts, pitfalls[0].report, failures);
      check(failures, delays.length >= N, `the Service Worker made ${delays.length} network fetches to /api/delay, expected ${N}`);
      await checkPage(page, failures);
      errors.push(...(await uncaught()));
      if (failures.length) throw new Error(`${failures.length} failures:\n  ${failures.slice(0, 20).join('\n  ')}`);
    },
  },
];
