// node bench/chromium.mjs <impl:workload>...: each workload in a fresh
// browser context of one headless Chromium (../chromium.mjs), one JSON line
// each, after one with the browser's version. Memory workloads get __heap(): a forced GC and the JS heap in use,
// through the DevTools protocol (HeapProfiler.collectGarbage,
// Performance.getMetrics).
import { serve } from '../runners/serve.mjs';
import { launchChromium } from '../runners/chromium.mjs';
import { WORKLOADS } from './workloads.mjs';

const jobs = process.argv.slice(2).map((j) => j.split(':'));
const { server, origin } = await serve();
const browser = await launchChromium();
try {
  console.log(JSON.stringify({ version: `Chromium ${browser.version()}` }));
  for (const [impl, workload] of jobs) {
    console.log(JSON.stringify({ impl, workload, ...(await inFreshContext(impl, workload)) }));
  }
} finally {
  await browser.close();
  server.close();
}

async function inFreshContext(impl, workload) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (WORKLOADS[workload]?.memory) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.exposeFunction('__heap', async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
      });
    }
    await page.goto(`${origin}/bench/page.html?impl=${encodeURIComponent(impl)}&workload=${workload}`);
    try {
      await page.waitForFunction(() => globalThis.__bench, null, { timeout: 180_000, polling: 100 });
    } catch (e) {
      return { error: `${e.message}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}` };
    }
    return await page.evaluate(() => globalThis.__bench);
  } finally {
    await context.close();
  }
}
