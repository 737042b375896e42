// Shared by the browser-toolchain tests (vite, esbuild, webpack, import-map):
// the app fixture's files, its page, and opening it in headless Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { equal, ok } from '../support/harness.mjs';
import { launchChromium, pageResult } from '../runners/chromium.mjs';
import { serve } from '../runners/serve.mjs';
import { fixtures } from './project.mjs';

const app = join(fixtures, 'browser');

// What the page must have checked: 20 requests x (17 steps x 2 stores + the
// fetched data), plus carrier, library class and 3 x 2 "no store" checks.
// Counted here independently, so a step the build dropped is noticed.
export const EXPECTED_CHECKS = 20 * (17 * 2 + 1) + 2 + 3 * 2;

// The project files: the app's main.js, the Node library (installed from
// ./node-lib) and data.json in `dataDir` (next to the page the app fetches from).
export async function appFiles(dataDir = '.') {
  const read = (path) => readFile(join(app, path), 'utf8');
  return {
    'main.js': await read('main.js'),
    'node-lib/package.json': await read('node-lib/package.json'),
    'node-lib/index.js': await read('node-lib/index.js'),
    [join(dataDir, 'data.json')]: await read('data.json'),
  };
}

// npm specs for project(): the library copied into node_modules as a
// published package would be (a plain `./node-lib` would be a symlink, which
// vite treats as source, not as a dependency to pre-bundle).
export const libDependency = ['--install-links', './node-lib'];

export function pageHtml({ script, importMap }) {
  const map = importMap ? `<script type="importmap">${JSON.stringify({ imports: importMap }, null, 2)}</script>\n` : '';
  return `<!doctype html>\n<meta charset="utf-8">\n<title>als-wasm toolchain test</title>\n<link rel="icon" href="data:,">\n${map}${script}\n`;
}

// Bundled code must keep native async/await: lowered to generators the app
// would no longer test what it claims to.
export function assertNativeAsync(js, label) {
  ok(/\bawait\b/.test(js), `${label}: no await left in the build`);
  for (const helper of ['__async', '__awaiter', '__asyncGenerator', '__forAwait', 'regeneratorRuntime', '_asyncToGenerator']) {
    ok(!js.includes(helper), `${label}: the build lowered async functions (${helper})`);
  }
}

// The browser condition must not pull the Node/native entries, whose static
// `import ... from 'node:async_hooks'` a browser cannot load. The one
// mention allowed is carrier/detect.js's runtime probe
// `process?.getBuiltinModule?.('node:async_hooks')`, which is inert in a page.
export function assertNoNodeImport(js, label) {
  const all = js.match(/node:async_hooks/g)?.length ?? 0;
  const probes = js.match(/getBuiltinModule\?\.\(\s*["'`]node:async_hooks/g)?.length ?? 0;
  ok(all === probes, `${label}: the browser build mentions node:async_hooks ${all - probes} time(s) outside the runtime probe`);
}

// Opens `url` in a fresh headless Chromium and checks the app's result.
export async function assertPage(url) {
  const browser = await launchChromium();
  let result;
  try {
    result = await pageResult(browser, url);
  } finally {
    await browser.close();
  }
  const { passed, failed, kept, lost, leaked, failures } = result;
  equal(failed, 0, `${url}: ${failed} failed checks (kept ${kept}, lost ${lost}, leaked ${leaked}): ${failures?.join('; ')}`);
  equal(passed, EXPECTED_CHECKS, `${url}: checks passed`);
  return result;
}

// Serves `dir` statically while fn(origin) runs.
export async function served(dir, fn) {
  const { server, origin } = await serve(dir);
  try {
    return await fn(origin);
  } finally {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
}
