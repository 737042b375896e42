// node bench/startup.mjs: what the first `import` of als-wasm costs in a
// fresh realm, once its bundle is fetched and parsed, with the wasm (the default entry, 'als-wasm') and with the
// same Rust as JavaScript (the fallback, 'als-wasm/csp'): each bundled by
// esbuild and imported by a page that times the import (fetch, parse,
// engine start, carrier install), in a fresh context of headless Chromium
// and a fresh page of headless Firefox and of WebKit, the two bundles in turns, SAMPLES
// times each. Prints one JSON line per browser and bundle with the median.
// env: PLAYWRIGHT_CORE, ESBUILD (package directories), GECKODRIVER (Firefox
// is skipped without it).
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../runners/serve.mjs';
import { launchChromium } from '../runners/chromium.mjs';
import { launchFirefox } from '../runners/firefox.mjs';
import { launchWebKit } from '../runners/webkit.mjs';
import { pageValue } from '../runners/webdriver.mjs';

const SAMPLES = 15;
const BUNDLES = { 'als-wasm': "export * from 'als-wasm';", 'als-wasm/csp': "export * from 'als-wasm/csp';" };
const tests = fileURLToPath(new URL('..', import.meta.url));
const dir = `${tests}.bundled/startup`;
const esbuild = createRequire(import.meta.url)(process.env.ESBUILD ?? 'esbuild');

mkdirSync(dir, { recursive: true });
const file = (name) => `${name.replace('/', '-')}.js`;
for (const [name, contents] of Object.entries(BUNDLES)) {
  await esbuild.build({
    stdin: { contents, resolveDir: tests, loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', minify: true, outfile: `${dir}/${file(name)}`, logLevel: 'warning',
  });
}
// The bundle is fetched and parsed first (modulepreload), so that the time is
// the import's own: the engine's start and the carrier's install.
writeFileSync(`${dir}/page.js`, `const bundle = new URLSearchParams(location.search).get('bundle');
const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: \`./\${bundle}\` });
await new Promise((resolve, reject) => {
  link.onload = resolve;
  link.onerror = reject;
  document.head.append(link);
});
const started = performance.now();
const { engine } = await import(\`./\${bundle}\`);
globalThis.__startup = { ms: performance.now() - started, engine };
`);
writeFileSync(`${dir}/index.html`, '<!doctype html><meta charset="utf-8"><title>startup</title><script type="module" src="page.js"></script>\n');

const median = (xs) => xs.slice().sort((a, b) => a - b)[(xs.length - 1) >> 1];
const { server, origin } = await serve();
const url = (name) => `${origin}/.bundled/startup/index.html?bundle=${file(name)}`;

async function inChromium() {
  const browser = await launchChromium();
  try {
    return await samples(`Chromium ${browser.version()}`, async (name) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(url(name));
        return await (await page.waitForFunction(() => globalThis.__startup, null, { timeout: 30_000 })).jsonValue();
      } finally {
        await context.close();
      }
    });
  } finally {
    await browser.close();
  }
}

// A browser driven through WebDriver: headless Firefox, WebKit's MiniBrowser.
async function inWebDriver(launch, name) {
  const browser = await launch();
  const { wd, session } = browser;
  try {
    return await samples(`${name} ${browser.version}`, async (bundle) => {
      await wd('POST', `${session}/url`, { url: url(bundle) });
      const result = await pageValue(browser, 'globalThis.__startup', { timeout: 30_000, every: 20 });
      if (!result) throw new Error(`${url(bundle)}: no result`);
      return result;
    });
  } finally {
    await browser.close();
  }
}

// One warm-up load each (the browser's own first-page costs), then the
// bundles in turns.
async function samples(browser, load) {
  const times = Object.fromEntries(Object.keys(BUNDLES).map((name) => [name, []]));
  const engines = {};
  for (const name of Object.keys(BUNDLES)) await load(name);
  for (let i = 0; i < SAMPLES; i++) {
    for (const name of Object.keys(BUNDLES)) {
      const { ms, engine } = await load(name);
      times[name].push(ms);
      engines[name] = engine;
    }
  }
  return Object.keys(BUNDLES).map((name) => ({ startup: name, browser, engine: engines[name], ms: median(times[name]), samples: SAMPLES }));
}

try {
  const rows = [...(await inChromium())];
  if (process.env.GECKODRIVER) rows.push(...(await inWebDriver(launchFirefox, 'Firefox')));
  rows.push(...(await inWebDriver(launchWebKit, 'WebKit')));
  for (const row of rows) console.log(JSON.stringify(row));
} finally {
  server.close();
  server.closeAllConnections?.();
}
