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
export async function pageResult(browser, url, { log = console.log, until = () => globalThis.__alsResult, timeout = 55_000 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    const t = m.text();
    if (!t.startsWith('RESULT ')) log(t);
  });
  page.on('pageerror', (e) => {
    errors.push(e.message);
    log(`page error: ${e.message}`);
  });
  try {
    await page.goto(url);
    return await (await page.waitForFunction(until, null, { timeout })).jsonValue();
  } catch (e) {
    throw new Error(`${url}: ${e.message}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
  } finally {
    await context.close();
  }
}
