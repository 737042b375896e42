// Serves js-tests/ on 127.0.0.1, opens browser.html (or --page=NAME.html) in
// headless Chromium, forwards the page console and prints the RESULT line.
//   node run-browser.mjs [--page=NAME.html]
// env: PLAYWRIGHT_CORE (module path), CHROMIUM (executable, default /usr/bin/chromium)
import { serve } from './serve.mjs';
import { launchChromium, pageResult } from './chromium.mjs';

const pageArg = process.argv.slice(2).find((a) => a.startsWith('--page='));
const pageName = pageArg?.slice('--page='.length) || 'browser.html';

const { server, origin } = await serve();
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
  browser = await launchChromium();
  const result = await pageResult(browser, `${origin}/${encodeURI(pageName)}`);
  console.log(`RESULT ${JSON.stringify(result)}`);
  code = result.failed === 0 && result.passed > 0 ? 0 : 1;
} catch (e) {
  console.error(`run-browser: ${e?.stack ?? e}`);
  console.log('RESULT {"passed":0,"failed":1}');
  code = 1;
}
await finish(code);
