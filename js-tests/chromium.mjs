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

// Opens `url`, forwards the page's console, waits for the page to publish
// globalThis.__alsResult and answers it.
export async function pageResult(browser, url, timeout = 55_000) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => {
    const t = m.text();
    if (!t.startsWith('RESULT ')) console.log(t);
  });
  page.on('pageerror', (e) => {
    errors.push(e.message);
    console.log(`page error: ${e.message}`);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => globalThis.__alsResult, null, { timeout });
    return await page.evaluate(() => globalThis.__alsResult);
  } catch (e) {
    throw new Error(`${url}: ${e.message}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
  } finally {
    await page.close();
  }
}
