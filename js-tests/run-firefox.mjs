// Serves js-tests/ on 127.0.0.1, opens a page (default browser.html) in headless Firefox
// through geckodriver, speaking W3C WebDriver over HTTP with the built-in fetch (no npm deps),
// echoes the page's <pre id="out"> log as it grows and prints the RESULT line.
//   node run-firefox.mjs [page] [--page=NAME.html]
// env: FIREFOX (default /usr/bin/firefox-esr), GECKODRIVER (default ~/.cargo/bin/geckodriver)
import { launchFirefox } from './firefox.mjs';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const pageArg = args.find((a) => a.startsWith('--page='))?.slice('--page='.length);
const page = pageArg ?? args.find((a) => !a.startsWith('--')) ?? 'browser.html';
const TIMEOUT_MS = 120_000;

const { server, origin } = await serve();

let firefox;
let finishing = false;
const timer = setTimeout(() => {
  console.log('RESULT {"passed":0,"failed":1}');
  console.error(`run-firefox: timed out after ${TIMEOUT_MS / 1000} s`);
  finish(1);
}, TIMEOUT_MS);

async function finish(c) {
  if (finishing) return;
  finishing = true;
  clearTimeout(timer);
  await firefox?.close();
  server.close();
  server.closeAllConnections?.();
  process.exit(c);
}
process.on('SIGINT', () => finish(130));
process.on('SIGTERM', () => finish(143));

let code = 1;
try {
  firefox = await launchFirefox();
  const { wd, session: s } = firefox;
  await wd('POST', `${s}/url`, { url: `${origin}/${encodeURI(page)}` });

  // No console API in classic WebDriver: the page mirrors console.log into <pre id="out">,
  // so read it back and print only the new tail each round.
  let seen = 0;
  let result;
  for (;;) {
    const [text, r] = await wd('POST', `${s}/execute/sync`, {
      script: "return [document.getElementById('out')?.textContent ?? '', globalThis.__alsResult ?? null];",
      args: [],
    });
    const lines = text.slice(seen).split('\n');
    const partial = lines.pop(); // print whole lines only; the partial one comes next round
    seen = text.length - partial.length;
    for (const l of lines) if (!l.startsWith('RESULT ')) console.log(l);
    if (r) { result = r; if (partial && !partial.startsWith('RESULT ')) console.log(partial); break; }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  // WebDriver hands objects back with sorted keys; restore the usual passed-then-failed order.
  console.log(`RESULT ${JSON.stringify({ passed: result.passed, failed: result.failed })}`);
  code = result.failed === 0 && result.passed > 0 ? 0 : 1;
} catch (e) {
  // After a timeout, finish() already printed RESULT and is tearing the session down.
  if (!finishing) {
    console.error(`run-firefox: ${e?.stack ?? e}`);
    console.log('RESULT {"passed":0,"failed":1}');
  }
  code = 1;
}
await finish(code);
