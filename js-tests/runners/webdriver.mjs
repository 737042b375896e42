// A W3C WebDriver session over HTTP with the built-in fetch (no npm deps),
// for the browsers driven that way: Firefox (geckodriver, firefox.mjs) and
// WebKit (WebKitWebDriver, webkit.mjs). startSession(driver, args, capabilities)
// starts the driver on a free port and answers
// { wd(method, path, body), session, version, close() }: `session` is the
// session's path prefix for wd(). The driver's own chatter stays off stdout;
// it is in the error when starting fails.
import net from 'node:net';
import { spawn } from 'node:child_process';

// The longest a command may take: a script that polls the page answers in
// milliseconds, a page load in seconds.
const COMMAND_MS = 120_000;

// Drivers need an explicit port: borrow a free one from the OS, then release it.
export const freePort = () => new Promise((ok, fail) => {
  const s = net.createServer().once('error', fail);
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

// `args(port)`: the driver's arguments; `env`: its environment. A driver
// that exits before it answers, as one does when another process took the
// port between freePort() and its bind (two drivers starting at once, in
// cargo xtask test's two lanes), starts again on another port, twice at most.
export async function startSession(program, args, capabilities, options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePort(), program, args, capabilities, options);
    } catch (e) {
      if (!e.exitedEarly || attempt === 3) throw e;
    }
  }
}

async function startOn(port, program, args, capabilities, { env = process.env, name = program } = {}) {
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const driver = spawn(program, args(port), { stdio: ['ignore', 'pipe', 'pipe'], env });
  driver.stdout.on('data', (d) => { log += d; });
  driver.stderr.on('data', (d) => { log += d; });
  driver.on('error', (e) => { log += `spawn: ${e.message}\n`; });

  // One WebDriver command; errors come back as { value: { error, message } }.
  // A command that gets no answer (the driver died, or the browser hung) fails
  // after COMMAND_MS with its cause and the driver's state, marked `transport`
  // so that a test runner can tell it from a wrong answer; fetch's own wait is
  // 300 s and its message only says "fetch failed".
  async function wd(method, path, body) {
    let res;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(COMMAND_MS),
      });
    } catch (e) {
      const state = `${name}'s exit: ${driver.exitCode ?? driver.signalCode ?? 'none seen yet'}`;
      const why = e.cause?.code ?? e.cause?.message ?? e.message;
      const error = new Error(`${method} ${path}: no answer (${why}); ${state}\n${log.trim().split('\n').slice(-10).join('\n')}`);
      error.transport = true;
      throw error;
    }
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }

  let sessionId;
  let version;
  async function close() {
    // Deleting the session makes the driver shut its browser down and remove the temp profile.
    if (sessionId) {
      try { await fetch(`${base}/session/${sessionId}`, { method: 'DELETE', signal: AbortSignal.timeout(10_000) }); } catch {}
    }
    // Reap the driver (up to 2 s) so it is not left behind as a zombie.
    if (driver.exitCode === null && driver.signalCode === null) {
      const gone = new Promise((ok) => driver.once('exit', ok));
      driver.kill();
      await Promise.race([gone, new Promise((ok) => setTimeout(ok, 2000))]);
    }
  }

  try {
    // Drivers print their HTTP listener only after it is ready, so poll /status instead.
    for (let i = 0; ; i++) {
      if (driver.exitCode !== null) throw Object.assign(new Error(`${name} exited with ${driver.exitCode}`), { exitedEarly: true });
      try { if ((await wd('GET', '/status')).ready !== undefined) break; } catch {}
      if (i === 200) throw new Error(`${name} did not come up`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const session = await wd('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    sessionId = session.sessionId;
    version = session.capabilities?.browserVersion;
  } catch (e) {
    await close();
    throw Object.assign(new Error(`${e.message}\n${log.trim()}`), { exitedEarly: e.exitedEarly === true });
  }
  return { wd, session: `/session/${sessionId}`, version, close };
}

// The value of `expression` in the session's page, polled every `every` ms
// until it is not null or undefined; null after `timeout` ms.
export async function pageValue({ wd, session }, expression, { timeout, every = 50 }) {
  const script = `return (${expression}) ?? null;`;
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await new Promise((ok) => setTimeout(ok, every))) {
    const value = await wd('POST', `${session}/execute/sync`, { script, args: [] });
    if (value !== null) return value;
  }
  return null;
}
