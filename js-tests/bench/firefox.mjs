// node bench/firefox.mjs <impl:workload>...: each workload in a fresh page
// (a new document: a new realm) of one headless Firefox (../firefox.mjs), one
// JSON line each, after one with the browser's version. WebDriver cannot
// force a GC, so the memory workloads report no heap.
import { serve } from '../runners/serve.mjs';
import { launchFirefox } from '../runners/firefox.mjs';

const jobs = process.argv.slice(2).map((j) => j.split(':'));
const { server, origin } = await serve();
const firefox = await launchFirefox();
const { wd, session } = firefox;
try {
  console.log(JSON.stringify({ version: `Firefox ${firefox.version}` }));
  for (const [impl, workload] of jobs) {
    await wd('POST', `${session}/url`, { url: `${origin}/bench/page.html?impl=${encodeURIComponent(impl)}&workload=${workload}` });
    let result = null;
    for (const deadline = Date.now() + 180_000; !result; await new Promise((ok) => setTimeout(ok, 100))) {
      if (Date.now() > deadline) result = { error: 'timed out' };
      else result = await wd('POST', `${session}/execute/sync`, { script: 'return globalThis.__bench ?? null;', args: [] });
    }
    console.log(JSON.stringify({ impl, workload, ...result }));
  }
} finally {
  await firefox.close();
  server.close();
  server.closeAllConnections?.();
}
