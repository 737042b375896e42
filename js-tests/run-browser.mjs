// Serves js-tests/ on 127.0.0.1, opens browser.html (or --page=NAME.html) in Chromium (playwright-core),
// forwards the page console and prints the RESULT line.
//   node run-browser.mjs [--page=NAME.html] [playwright-core module path] [chromium path]
// env: PLAYWRIGHT_CORE (module path), CHROMIUM (executable, default /usr/bin/chromium)
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('.', import.meta.url));
// Take --page= out first so the positional arguments keep their places.
const pageArg = process.argv.slice(2).find((a) => a.startsWith('--page='));
const pageName = pageArg?.slice('--page='.length) || 'browser.html';
const argv = process.argv.slice(2).filter((a) => a !== pageArg);
const pwPath = argv[0] ?? process.env.PLAYWRIGHT_CORE;
const chromium = argv[1] ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!pwPath) {
  console.error('run-browser: give the playwright-core module path as argv[2] or env PLAYWRIGHT_CORE');
  process.exit(2);
}

const { server, origin } = await serve();


// playwright-core is CommonJS; accept a package directory or a file path.
const require = createRequire(pathToFileURL(join(root, 'noop.js')));
const pw = require(pwPath);

let browser;
let code = 1;
const timer = setTimeout(() => {
  console.log('RESULT {"passed":0,"failed":1}');
  console.error('run-browser: timed out after 60 s');
  finish(1);
}, 60_000);

async function finish(c) {
  clearTimeout(timer);
  try { await browser?.close(); } catch {}
  server.close();
  server.closeAllConnections?.();
  process.exit(c);
}

try {
  browser = await pw.chromium.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  page.on('console', (m) => {
    const t = m.text();
    if (!t.startsWith('RESULT ')) console.log(t);
  });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${origin}/${encodeURI(pageName)}`);
  await page.waitForFunction(() => globalThis.__alsResult, null, { timeout: 55_000 });
  const result = await page.evaluate(() => globalThis.__alsResult);
  console.log(`RESULT ${JSON.stringify(result)}`);
  code = result.failed === 0 && result.passed > 0 ? 0 : 1;
} catch (e) {
  console.error(`run-browser: ${e?.stack ?? e}`);
  console.log('RESULT {"passed":0,"failed":1}');
  code = 1;
}
await finish(code);
