// Serves js-tests/ on 127.0.0.1, opens browser.html (or --page=NAME.html; several
// --page= open one after another, each in a new context, and their counts add up)
// in headless Chromium, forwards the page console and prints the RESULT line.
// With --fresh, the page (default browser.html?tests=fresh) lists its cases (?list=1) and
// each runs alone (?case=NAME) after a new navigation, a new realm (each-case.mjs).
//   node run-browser.mjs [--page=NAME.html] [--fresh]
// env: PLAYWRIGHT_CORE (module path), CHROMIUM (executable, default /usr/bin/chromium)
import { serve } from './serve.mjs';
import { launchChromium, pagePool, pageResult } from './chromium.mjs';
import { CASE_TIMEOUT_MS, casesTotal, eachPage, withQuery } from './each-case.mjs';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const pageArgs = args.filter((a) => a.startsWith('--page=')).map((a) => a.slice('--page='.length));
const pageNames = pageArgs.length ? pageArgs : [fresh ? 'pages/browser.html?tests=fresh' : 'pages/browser.html'];

const { server, origin } = await serve();
let browser;
let code = 1;
// A watchdog: with --fresh, each case starts it again.
const timer = setTimeout(() => {
  console.log('RESULT {"passed":0,"failed":1}');
  console.error('run-browser: timed out after 60 s');
  finish(1);
}, 60_000);

async function finish(c) {
  clearTimeout(timer);
  try { await browser?.close(); } catch {}
  server.close();
  server.closeAllConnections?.();
  process.exit(c);
}

// A page's counts; with `name` (one of several pages), a line of its own.
async function pageCounts(url) {
  const { passed, failed } = await pageResult(browser, url);
  return { passed, failed: failed || (passed > 0 ? 0 : 1) };
}

async function freshCounts(url) {
  const lines = [];
  // A page that failed to load publishes a result instead of the list.
  const until = () => globalThis.__alsCases ?? globalThis.__alsResult;
  const listed = await pageResult(browser, withQuery(url, 'list=1'), { log: (l) => lines.push(l), until });
  if (!Array.isArray(listed)) throw new Error(`${withQuery(url, 'list=1')} listed no cases:\n${lines.join('\n')}`);
  const inPage = pagePool(browser);
  const runCase = (name, log) => {
    timer.refresh();
    return inPage(withQuery(url, `case=${encodeURIComponent(name)}`), { log, timeout: CASE_TIMEOUT_MS });
  };
  // Two at a time, as run-fresh.mjs: two cores.
  return casesTotal(listed, runCase, 2);
}

try {
  browser = await launchChromium();
  code = await eachPage(pageNames, (pageName) => {
    timer.refresh();
    const url = `${origin}/${encodeURI(pageName)}`;
    return fresh ? freshCounts(url) : pageCounts(url);
  });
} catch (e) {
  console.error(`run-browser: ${e?.stack ?? e}`);
  console.log('RESULT {"passed":0,"failed":1}');
  code = 1;
}
await finish(code);
