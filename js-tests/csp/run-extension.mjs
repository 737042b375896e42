// Loads the unpacked Manifest V3 extension that csp/build.mjs wrote into
// .bundled/csp-extension/ in headless Chromium (a profile of its own), opens
// its page, which runs flows there and in the background service worker
// (extension-page.mjs), forwards the page's console and prints its RESULT.
// The extension keeps Chromium's default policy: no 'wasm-unsafe-eval'.
//   node csp/run-extension.mjs
// env: PLAYWRIGHT_CORE (module path), CHROMIUM (executable, default /usr/bin/chromium)
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = fileURLToPath(new URL('../.bundled/csp-extension', import.meta.url));
const pw = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);
const profile = await mkdtemp(join(tmpdir(), 'als-wasm-extension-'));
let context;
let code = 1;
try {
  context = await pw.chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Playwright's defaults turn extensions off.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  page.on('console', (m) => {
    if (!m.text().startsWith('RESULT ')) console.log(m.text());
  });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`chrome-extension://${id}/page.html`);
  const result = await (await page.waitForFunction(() => globalThis.__alsResult, null, { timeout: 60_000 })).jsonValue();
  console.log(`RESULT ${JSON.stringify(result)}`);
  code = result.failed === 0 && result.passed > 0 ? 0 : 1;
} catch (e) {
  console.error(`run-extension: ${e?.stack ?? e}`);
  console.log('RESULT {"passed":0,"failed":1}');
} finally {
  await context?.close().catch(() => {});
  await rm(profile, { recursive: true, force: true });
}
process.exit(code);
