// Serves js-tests/ on 127.0.0.1, opens a page (default pages/browser.html) in a browser driven
// through W3C WebDriver (webdriver.mjs): headless Firefox (geckodriver, the default) or WebKit
// (--browser=webkit: WebKitGTK's MiniBrowser through WebKitWebDriver, webkit.mjs); echoes the
// page's <pre id="out"> log as it grows and prints the RESULT line. Several --page= open one after
// another, each a new navigation (with --session-per-page, each in a new session), and their counts add up.
// With --fresh, the page (default pages/browser.html?tests=fresh) lists its cases (?list=1) and each
// runs alone (?case=NAME) after a new navigation, a new realm (each-case.mjs).
//   node runners/run-webdriver.mjs [page] [--page=NAME.html] [--fresh] [--session-per-page] [--browser=firefox|webkit]
// env: see firefox.mjs and webkit.mjs
import { launchFirefox } from './firefox.mjs';
import { launchWebKit } from './webkit.mjs';
import { serve } from './serve.mjs';
import { CASE_TIMEOUT_MS, casesTotal, eachPage, withQuery } from './each-case.mjs';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const sessionPerPage = args.includes('--session-per-page');
const pageArgs = args.filter((a) => a.startsWith('--page=')).map((a) => a.slice('--page='.length));
const browserName = args.find((a) => a.startsWith('--browser='))?.slice('--browser='.length) ?? 'firefox';
const launch = { firefox: launchFirefox, webkit: launchWebKit }[browserName];
if (!launch) throw new Error(`--browser=${browserName}: firefox or webkit`);
const pages = pageArgs.length ? pageArgs : [args.find((a) => !a.startsWith('--')) ?? (fresh ? 'pages/browser.html?tests=fresh' : 'pages/browser.html')];
const TIMEOUT_MS = 120_000;

const { server, origin } = await serve();

let browser = null;
let launched = false;
let finishing = false;
// A watchdog: with --fresh, each case starts it again.
const timer = setTimeout(() => {
  console.log('RESULT {"passed":0,"failed":1}');
  console.error(`run-webdriver: timed out after ${TIMEOUT_MS / 1000} s`);
  finish(1);
}, TIMEOUT_MS);

async function finish(c) {
  if (finishing) return;
  finishing = true;
  clearTimeout(timer);
  await browser?.close();
  server.close();
  server.closeAllConnections?.();
  process.exit(c);
}
process.on('SIGINT', () => finish(130));
process.on('SIGTERM', () => finish(143));

// Navigates to `url` and polls until the page publishes the value of `until`
// (a JS expression), handing each new whole line of its log but RESULT lines
// to `log`; answers the value. Each navigation must be a new realm: a page
// still holding the mark of an earlier url fails.
async function follow(url, { log = console.log, until = 'globalThis.__alsResult', timeout = TIMEOUT_MS } = {}) {
  const { wd, session: s } = browser;
  await wd('POST', `${s}/url`, { url });
  // No console API in classic WebDriver: the page mirrors console.log into <pre id="out">,
  // so read it back and hand on only the new tail each round. The script's own globalThis
  // is a sandbox made anew for each call; the mark goes on the page's window.
  const script = `const before = window.__alsUrl; window.__alsUrl = arguments[0];
    return [document.getElementById('out')?.textContent ?? '', ${until} ?? null, before ?? null];`;
  const deadline = Date.now() + timeout;
  let seen = 0;
  for (;;) {
    const [text, value, before] = await wd('POST', `${s}/execute/sync`, { script, args: [url] });
    if (before !== null && before !== url) throw new Error(`${url}: not a fresh realm (still marked by ${before})`);
    const lines = text.slice(seen).split('\n');
    const partial = lines.pop(); // whole lines only; the partial one comes next round
    seen = text.length - partial.length;
    for (const l of lines) if (!l.startsWith('RESULT ')) log(l);
    if (value) {
      if (partial && !partial.startsWith('RESULT ')) log(partial);
      return value;
    }
    if (Date.now() > deadline) throw new Error(`${url}: no result after ${timeout / 1000} s`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

// A page's counts; with `name` (one of several pages), a line of its own.
async function pageCounts(url) {
  const { passed, failed } = await follow(url);
  return { passed, failed: failed || (passed > 0 ? 0 : 1) };
}

// One tab, one case at a time: each navigation to ?case= is a new realm.
async function freshCounts(url) {
  const lines = [];
  // A page that failed to load publishes a result instead of the list.
  const until = 'globalThis.__alsCases ?? globalThis.__alsResult';
  const listed = await follow(withQuery(url, 'list=1'), { log: (l) => lines.push(l), until });
  if (!Array.isArray(listed)) throw new Error(`${withQuery(url, 'list=1')} listed no cases:\n${lines.join('\n')}`);
  return casesTotal(listed, (name, log) => {
    timer.refresh();
    return follow(withQuery(url, `case=${encodeURIComponent(name)}`), { log, timeout: CASE_TIMEOUT_MS });
  });
}

let code = 1;
try {
  code = await eachPage(pages, async (page) => {
    timer.refresh();
    // --session-per-page: in one Firefox session each heavy page ran slower
    // than the one before (the bundled apps' stress: 8, 14, then 47 s for
    // the same page, in new tabs too), until one passed TIMEOUT_MS. Light
    // pages share one session (a session costs 1-3 s).
    if (!launched || sessionPerPage) {
      launched = true;
      await browser?.close();
      browser = null;
      browser = await launch();
    }
    const url = `${origin}/${encodeURI(page)}`;
    return fresh ? freshCounts(url) : pageCounts(url);
  });
} catch (e) {
  // After a timeout, finish() already printed RESULT and is tearing the session down.
  if (!finishing) {
    console.error(`run-webdriver: ${e?.stack ?? e}`);
    console.log('RESULT {"passed":0,"failed":1}');
  }
  code = 1;
}
await finish(code);
