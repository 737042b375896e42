// End-to-end tests of the www/ demos, as `cargo xtask demo` serves them:
// each test gets a fresh browser context (no Service Worker or storage left
// from another), drives a page in headless Chromium (or, with
// --browser=webkit, a new WebKit session through WebDriver:
// webdriver-page.mjs) and throws on any wrong attribution. Ends with the
// harness's RESULT line.
//   DEMO_URL: the served www/ (xtask starts the demo server);
//   SCREENSHOTS: the folder for screenshots (ignored by git);
//   PLAYWRIGHT_CORE, CHROMIUM: see chromium.mjs. Arguments filter tests by name.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../runners/chromium.mjs';
import { launchWebKit } from '../runners/webkit.mjs';
import { webDriverPage } from './webdriver-page.mjs';

const DEMOS = ['index', 'logger', 'http-context', 'waterfall', 'langgraph'];

const base = process.env.DEMO_URL;
if (!base) throw new Error('set DEMO_URL to the served www/ (cargo xtask test starts it)');
const shots = process.env.SCREENSHOTS ?? join(process.cwd(), 'screenshots');
await mkdir(shots, { recursive: true });
const args = process.argv.slice(2);
const webkit = args.includes('--browser=webkit');
const filters = args.filter((a) => !a.startsWith('--'));

const tests = [];
for (const demo of DEMOS) {
  const module = await import(`./${demo}.mjs`);
  for (const test of module.tests) tests.push(test);
}

// A fresh realm per test: a new Chromium context, or a new WebKit session.
async function freshPage() {
  if (webkit) {
    const session = await launchWebKit();
    return { page: webDriverPage(session), context: null, close: () => session.close() };
  }
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  return { page: await context.newPage(), context, close: () => context.close() };
}

const browser = webkit ? null : await launchChromium();
let passed = 0;
let failed = 0;
try {
  const chosen = tests.filter((t) => !filters.length || filters.some((f) => t.name.includes(f)));
  for (const t of chosen.filter((t) => webkit && t.skipIn?.includes('webkit'))) console.log(`skipped in WebKit: ${t.name}`);
  chosen.splice(0, chosen.length, ...chosen.filter((t) => !(webkit && t.skipIn?.includes('webkit'))));
  for (const test of chosen) {
    // A WebDriver command that got no answer (webdriver.mjs marks it
    // `transport`: WebKitWebDriver or MiniBrowser died or hung, as seen once
    // on a loaded CI machine) is not the demo's answer: the test runs once
    // more in a new session, and the log says so. A wrong answer is never retried.
    for (let attempt = 1; ; attempt++) {
      const outcome = await runTest(test);
      if (outcome === true) { passed++; break; }
      if (outcome.transport && attempt === 1) {
        console.log(`retrying in a new session, the driver gave no answer: ${test.name}: ${outcome.message.split('\n')[0]}`);
        continue;
      }
      failed++;
      console.log(`FAIL ${test.name}: ${outcome.stack ?? outcome}`);
      break;
    }
  }
} finally {
  await browser?.close();
}
console.log(`screenshots in ${shots}`);
console.log(`RESULT ${JSON.stringify({ passed, failed })}`);
process.exit(failed ? 1 : 0);

// Runs one test in a fresh page: answers true, or the error it failed with.
async function runTest(test) {
  const { page, context, close } = await freshPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const shot = (name) => page.screenshot({ path: join(shots, `${webkit ? "webkit " : ""}${name}.png`), fullPage: true });
  try {
    await test.run(page, { base, shot, context, errors });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    console.log(`ok ${test.name}`);
    return true;
  } catch (e) {
    await shot(`FAILED ${test.name.replace(/[^\w.-]+/g, '_')}`).catch(() => {});
    return e;
  } finally {
    await close().catch(() => {});
  }
}
