// node bench/run-chromium.mjs <none|lib>: the await benchmark in a fresh
// headless Chromium (playwright-core from PLAYWRIGHT_CORE), one JSON line.
import { createRequire } from 'node:module';
import { serve } from '../serve.mjs';

const mode = process.argv[2] ?? 'none';
const pw = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);
const { server, origin } = await serve();
const browser = await pw.chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/bench/bench.html?mode=${mode}`);
  await page.waitForFunction(() => globalThis.__bench, null, { timeout: 120_000 });
  console.log(JSON.stringify(await page.evaluate(() => globalThis.__bench)));
} finally {
  await browser.close();
  server.close();
}
