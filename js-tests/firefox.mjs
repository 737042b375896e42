// Headless Firefox through geckodriver, speaking W3C WebDriver over HTTP with
// the built-in fetch (no npm deps): a fresh profile, offline and quiet.
//   env: FIREFOX (default /usr/bin/firefox-esr), GECKODRIVER (default ~/.cargo/bin/geckodriver)
// launchFirefox() answers { wd(method, path, body), session, version, close() }:
// `session` is the session's path prefix for wd().
import net from 'node:net';
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

const firefox = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const geckodriver = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');

// No updates, telemetry, first-run or default-browser pages.
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

// geckodriver needs an explicit port: borrow a free one from the OS, then release it.
const freePort = () => new Promise((ok, fail) => {
  const s = net.createServer().once('error', fail);
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

export async function launchFirefox() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Keep geckodriver's and Firefox's own chatter off stdout; it is in the error on failure.
  let log = '';
  const driver = spawn(geckodriver, ['--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  driver.stdout.on('data', (d) => { log += d; });
  driver.stderr.on('data', (d) => { log += d; });
  driver.on('error', (e) => { log += `spawn: ${e.message}\n`; });

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

  let sessionId;
  let version;
  async function close() {
    // Deleting the session makes geckodriver shut Firefox down and remove the temp profile.
    if (sessionId) {
      try { await fetch(`${base}/session/${sessionId}`, { method: 'DELETE', signal: AbortSignal.timeout(10_000) }); } catch {}
    }
    // Reap geckodriver (up to 2 s) so it is not left behind as a zombie.
    if (driver.exitCode === null && driver.signalCode === null) {
      const gone = new Promise((ok) => driver.once('exit', ok));
      driver.kill();
      await Promise.race([gone, new Promise((ok) => setTimeout(ok, 2000))]);
    }
  }

  try {
    // geckodriver prints its HTTP listener only after it is ready, so poll /status instead.
    for (let i = 0; ; i++) {
      if (driver.exitCode !== null) throw new Error(`geckodriver exited with ${driver.exitCode}`);
      try { if ((await wd('GET', '/status')).ready !== undefined) break; } catch {}
      if (i === 200) throw new Error('geckodriver did not come up');
      await new Promise((r) => setTimeout(r, 50));
    }
    const session = await wd('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': { binary: firefox, args: ['-headless'], prefs } } },
    });
    sessionId = session.sessionId;
    version = session.capabilities?.browserVersion;
  } catch (e) {
    await close();
    throw new Error(`${e.message}\n${log.trim()}`);
  }
  return { wd, session: `/session/${sessionId}`, version, close };
}
