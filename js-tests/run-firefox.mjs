// Serves js-tests/ on 127.0.0.1, opens a page (default browser.html) in headless Firefox
// through geckodriver, speaking W3C WebDriver over HTTP with the built-in fetch (no npm deps),
// echoes the page's <pre id="out"> log as it grows and prints the RESULT line.
//   node run-firefox.mjs [page] [--page=NAME.html]
// env: FIREFOX (default /usr/bin/firefox-esr), GECKODRIVER (default ~/.cargo/bin/geckodriver)
import net from 'node:net';
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const pageArg = args.find((a) => a.startsWith('--page='))?.slice('--page='.length);
const page = pageArg ?? args.find((a) => !a.startsWith('--')) ?? 'browser.html';
const firefox = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const geckodriver = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');
const TIMEOUT_MS = 120_000;

const { server, origin } = await serve();


// geckodriver needs an explicit port: borrow a free one from the OS, then release it.
const freePort = () => new Promise((ok, fail) => {
  const s = net.createServer().once('error', fail);
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

let driver, base, sessionId;
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
  // Deleting the session makes geckodriver shut Firefox down and remove the temp profile.
  if (sessionId) {
    try { await fetch(`${base}/session/${sessionId}`, { method: 'DELETE', signal: AbortSignal.timeout(10_000) }); } catch {}
  }
  // Reap geckodriver before exiting (up to 2 s) so it is not left behind as a zombie.
  if (driver && driver.exitCode === null && driver.signalCode === null) {
    const gone = new Promise((ok) => driver.once('exit', ok));
    driver.kill();
    await Promise.race([gone, new Promise((ok) => setTimeout(ok, 2000))]);
  }
  server.close();
  server.closeAllConnections?.();
  process.exit(c);
}
process.on('SIGINT', () => finish(130));
process.on('SIGTERM', () => finish(143));

// One WebDriver command; errors come back as { value: { error, message } }.
async function wd(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

// geckodriver prints its HTTP listener only after it is ready, so poll /status instead.
async function waitReady() {
  for (let i = 0; i < 200; i++) {
    if (driver.exitCode !== null) throw new Error(`geckodriver exited with ${driver.exitCode}`);
    try { if ((await wd('GET', '/status')).ready !== undefined) return; } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('geckodriver did not come up');
}

// Fresh profile, offline and quiet: no updates, telemetry, first-run or default-browser pages.
const prefs = {
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'startup.homepage_welcome_url': 'about:blank',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

let code = 1;
try {
  const gdPort = await freePort();
  base = `http://127.0.0.1:${gdPort}`;
  // Keep geckodriver's and Firefox's own chatter off stdout; show it on stderr only on failure.
  let gdLog = '';
  driver = spawn(geckodriver, ['--port', String(gdPort), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  driver.stdout.on('data', (d) => { gdLog += d; });
  driver.stderr.on('data', (d) => { gdLog += d; });
  driver.on('error', (e) => { gdLog += `spawn: ${e.message}\n`; });
  try {
    await waitReady();
    const session = await wd('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': { binary: firefox, args: ['-headless'], prefs } } },
    });
    sessionId = session.sessionId;
  } catch (e) {
    console.error(gdLog.trim());
    throw e;
  }
  const s = `/session/${sessionId}`;
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
