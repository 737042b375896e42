// Headless Chromium through playwright-core (its own browser download is
// blocked here): the system Chromium with flags that keep it offline.
//   PLAYWRIGHT_CORE: the playwright-core module path; CHROMIUM: the executable.
import { createRequire } from 'node:module';

export async function launchChromium() {
  const pwPath = process.env.PLAYWRIGHT_CORE;
  if (!pwPath) throw new Error('set PLAYWRIGHT_CORE to the playwright-core module path');
  // playwright-core is CommonJS; accept a package directory or a file path.
  const pw = createRequire(import.meta.url)(pwPath);
  return pw.chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Opens `url` in a new browser context (a new realm), hands each console
// line but RESULT lines to `log`, waits until the page publishes what
// `until` (a page function) answers, by default globalThis.__alsResult, and
// answers it.
export async function pageResult(browser, url, options = {}) {
  const context = await browser.newContext();
  try {
    return await resultIn(await context.newPage(), url, options);
  } finally {
    await context.close();
  }
}

// Pages for one case after another (the --fresh runs): each case is a new
// navigation of a page kept open, so a new document and realm, as
// run-webdriver.mjs does; a new context per case costs 2.5 times as long (its
// own HTTP cache, so every module and the wasm are fetched and compiled again).
// A page whose case went wrong is closed with its context, not used again.
export function pagePool(browser) {
  const idle = [];
  return async (url, options) => {
    const page = idle.pop() ?? (await (await browser.newContext()).newPage());
    try {
      const value = await resultIn(page, url, options);
      idle.push(page);
      return value;
    } catch (e) {
      await page.context().close().catch(() => {});
      throw e;
    }
  };
}

// pageResult in a given page. Each navigation must be a new realm: a page
// still holding the mark of an earlier url fails. With `pageErrorsFail`, so
// does a page that threw, even if it published a result.
async function resultIn(page, url, { log = console.log, until = () => globalThis.__alsResult, timeout = 55_000, pageErrorsFail = false } = {}) {
  const errors = [];
  const onConsole = (m) => {
    const t = m.text();
    if (!t.startsWith('RESULT ')) log(t);
  };
  const onError = (e) => {
    errors.push(e.message);
    log(`page error: ${e.message}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onError);
  try {
    await page.goto(url);
    const value = await (await page.waitForFunction(until, null, { timeout, polling: 10 })).jsonValue();
    const before = await page.evaluate((u) => {
      const b = window.__alsUrl;
      window.__alsUrl = u;
      return b ?? null;
    }, url);
    if (before !== null) throw new Error(`not a fresh realm (still marked by ${before})`);
    if (pageErrorsFail && errors.length > 0) throw new Error('the page threw');
    return value;
  } catch (e) {
    throw new Error(`${url}: ${e.message}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }
}
