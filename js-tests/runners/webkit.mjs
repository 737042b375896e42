// WebKit, Safari's engine: WebKitGTK's MiniBrowser through WebKitWebDriver
// (webdriver.mjs; Debian's webkit2gtk-driver). MiniBrowser needs an X
// display: without DISPLAY, an Xvfb of our own for the session's life.
//   env: WEBKIT_DRIVER (default /usr/bin/WebKitWebDriver), MINIBROWSER
//   (default WebKitGTK 4.1's), DISPLAY
// launchWebKit() answers what startSession() answers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startSession } from './webdriver.mjs';

const driver = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const miniBrowser = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// Starts Xvfb on the first display number that nobody holds; answers
// { display, stop() } once its socket is there.
async function startXvfb() {
  for (let n = 90; n < 190; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 100 && xvfb.exitCode === null; i++) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) {
        return { display: `:${n}`, stop: () => xvfb.kill() };
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
    xvfb.kill();
  }
  throw new Error('no X display: Xvfb did not start (apt-get install xvfb)');
}

export async function launchWebKit() {
  const xvfb = process.env.DISPLAY ? null : await startXvfb();
  const env = { ...process.env, DISPLAY: process.env.DISPLAY ?? xvfb.display };
  try {
    const session = await startSession(
      driver,
      (port) => [`--port=${port}`],
      { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } },
      { env, name: 'WebKitWebDriver' },
    );
    return {
      ...session,
      async close() {
        await session.close();
        xvfb?.stop();
      },
    };
  } catch (e) {
    xvfb?.stop();
    throw e;
  }
}
