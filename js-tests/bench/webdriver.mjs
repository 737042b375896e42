// node bench/webdriver.mjs --browser=firefox|webkit <impl:workload>...: each
// workload in a fresh page (a new document: a new realm) of one browser driven
// through WebDriver (headless Firefox, or WebKit's MiniBrowser: ../runners/),
// one JSON line each, after one with the browser's version. WebDriver cannot
// force a GC, so the memory workloads report no heap.
import { serve } from '../runners/serve.mjs';
import { launchFirefox } from '../runners/firefox.mjs';
import { launchWebKit } from '../runners/webkit.mjs';
import { pageValue } from '../runners/webdriver.mjs';

const [browserArg, ...jobArgs] = process.argv.slice(2);
const browserName = browserArg.slice('--browser='.length);
const launch = { firefox: launchFirefox, webkit: launchWebKit }[browserName];
const jobs = jobArgs.map((j) => j.split(':'));
const { server, origin } = await serve();
const browser = await launch();
const { wd, session } = browser;
try {
  console.log(JSON.stringify({ version: `${browserName === 'webkit' ? 'WebKit' : 'Firefox'} ${browser.version}` }));
  for (const [impl, workload] of jobs) {
    await wd('POST', `${session}/url`, { url: `${origin}/bench/page.html?impl=${encodeURIComponent(impl)}&workload=${workload}` });
    const result = (await pageValue(browser, 'globalThis.__bench', { timeout: 180_000, every: 100 })) ?? { error: 'timed out' };
    console.log(JSON.stringify({ impl, workload, ...result }));
  }
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections?.();
}
