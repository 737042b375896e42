// The part of Playwright's page that the demo tests use (index, logger,
// waterfall, http-context), over a WebDriver session (../runners/webdriver.mjs),
// so that they run in WebKit too. Classic WebDriver has no network, console or
// service-worker events: a test gets no browser context there and checks what
// the page shows (http-context.mjs).
import { writeFile } from 'node:fs/promises';

const POLL_MS = 50;
// How WebDriver names an element in a script's arguments.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export function webDriverPage({ wd, session }) {
  let currentUrl = 'about:blank';
  const run = async (body, args = []) => {
    const [value, href] = await wd('POST', `${session}/execute/sync`, {
      script: `const value = (() => { ${body} })(); return [value, location.href];`,
      args,
    });
    currentUrl = href;
    return value;
  };
  const until = async (probe, timeout, what) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, POLL_MS));
    }
  };
  const element = (selector, timeout = 30_000) =>
    until(async () => {
      try {
        return await wd('POST', `${session}/element`, { using: 'css selector', value: selector });
      } catch {
        return null;
      }
    }, timeout, selector).then((found) => Object.values(found)[0]);

  return {
    async goto(url) {
      await wd('POST', `${session}/url`, { url });
      currentUrl = await wd('GET', `${session}/url`);
    },
    url: () => currentUrl,
    title: () => wd('GET', `${session}/title`),
    // WebKitWebDriver clicks at the point it measured, and Playwright's wait
    // for a box that stopped moving has no match here: where the layout moves
    // in between (a card above grows), the click lands on whatever is there
    // now. So the element notes the click it gets, and a click that landed
    // elsewhere is made again (three times at most).
    async click(selector, { timeout } = {}) {
      const id = await element(selector, timeout);
      const ref = { [ELEMENT]: id };
      await run("const e = arguments[0]; e.__clicked = false; e.addEventListener('click', () => { e.__clicked = true; }, { once: true, capture: true });", [ref]);
      for (let attempt = 1; ; attempt++) {
        await wd('POST', `${session}/element/${id}/click`, {});
        // An element gone from the page (the click followed a link) counts as clicked.
        const clicked = () => run('return arguments[0].__clicked;', [ref]).catch(() => true);
        const landed = await until(clicked, 2_000, 'click').catch(() => false);
        if (landed) return;
        if (attempt === 3) throw new Error(`three clicks on ${selector} landed elsewhere`);
      }
    },
    async fill(selector, value) {
      const id = await element(selector);
      await wd('POST', `${session}/element/${id}/clear`, {});
      await wd('POST', `${session}/element/${id}/value`, { text: value });
    },
    waitForFunction: (fn, arg, { timeout = 30_000 } = {}) =>
      until(() => run(`return (${fn})(arguments[0]);`, [arg]), timeout, String(fn)),
    waitForSelector: (selector, { timeout = 30_000 } = {}) =>
      until(() => run('return document.querySelector(arguments[0]) !== null;', [selector]), timeout, selector),
    // As Playwright's: a URL string, or a predicate given a URL object.
    async waitForURL(url, { timeout = 30_000 } = {}) {
      const reached = typeof url === 'function' ? (at) => url(new URL(at)) : (at) => at === url;
      currentUrl = await until(async () => {
        const at = await wd('GET', `${session}/url`);
        return reached(at) && at;
      }, timeout, String(url));
    },
    $$eval: (selector, fn) => run(`return (${fn})(Array.from(document.querySelectorAll(arguments[0])));`, [selector]),
    textContent: (selector) => run('return document.querySelector(arguments[0])?.textContent ?? null;', [selector]),
    locator: (selector) => ({ count: () => run('return document.querySelectorAll(arguments[0]).length;', [selector]) }),
    async evaluate(fn, arg) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn})(arguments[0])).then(
          (value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`;
      const { value, error } = await wd('POST', `${session}/execute/async`, { script, args: [arg] });
      if (error) throw new Error(error);
      return value;
    },
    async screenshot({ path }) {
      await writeFile(path, Buffer.from(await wd('GET', `${session}/screenshot`), 'base64'));
    },
    on() {}, // no console or error events over classic WebDriver
  };
}
