// node bench/run-chromium.mjs <none|floor|lib>: the await benchmark in a fresh
// headless Chromium (chromium.mjs), one JSON line.
import { serve } from '../serve.mjs';
import { launchChromium } from '../chromium.mjs';

const mode = process.argv[2] ?? 'none';
const { server, origin } = await serve();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench/bench.html?mode=${mode}`);
  await page.waitForFunction(() => globalThis.__bench, null, { timeout: 120_000 });
  console.log(JSON.stringify(await page.evaluate(() => globalThis.__bench)));
} finally {
  await browser.close();
  server.close();
}
