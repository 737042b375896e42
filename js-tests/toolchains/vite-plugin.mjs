// als-wasm/plugin in a user's Vite project: the package installed
// from its tarball with the plugin's own dependencies from npm, one line in
// vite.config.js, then the app (fixtures/plugin/main.js) in headless
// Chromium from the dev server and from `vite build`: the context is kept
// after `await null`, `await next()` and a thenable query builder.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, equal, ok } from '../support/harness.mjs';
import { launchChromium, pageResult } from '../runners/chromium.mjs';
import { exec, fixtures, project } from './project.mjs';
import { pageHtml, served } from './browser-page.mjs';

// 12 requests x 2 checks, and the one after them.
const EXPECTED_CHECKS = 12 * 2 + 1;

const config = `import alsWasm from 'als-wasm/plugin';

export default {
  plugins: [alsWasm.vite()],
  build: { target: 'esnext' },
};
`;

let made;
const pluginProject = () =>
  (made ??= (async () =>
    project('vite-plugin', {
      files: {
        'main.js': await readFile(join(fixtures, 'plugin/main.js'), 'utf8'),
        'index.html': pageHtml({ script: '<script type="module" src="/main.js"></script>' }),
        'vite.config.js': config,
      },
      dependencies: ['vite@8'],
    }))());

async function assertApp(url) {
  const browser = await launchChromium();
  try {
    const { passed, failed, carrier, failures } = await pageResult(browser, url);
    equal(carrier, 'patch', 'carrier');
    equal(failed, 0, `${url}: ${failures?.join('; ')}`);
    equal(passed, EXPECTED_CHECKS, `${url}: checks passed`);
  } finally {
    await browser.close();
  }
}

test('vite-plugin: dev server, await null and a thenable before HttpContext in Chromium', async () => {
  const dir = await pluginProject();
  const { createServer } = await import(pathToFileURL(createRequire(join(dir, 'package.json')).resolve('vite')).href);
  const server = await createServer({ root: dir, configFile: join(dir, 'vite.config.js'), logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  try {
    await server.listen();
    const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
    await assertApp(`${origin}/`);
    const main = await (await fetch(`${origin}/main.js`)).text();
    ok(main.includes('/node_modules/.vite/deps/als-wasm_plugin_runtime.js'), `dev main.js does not import the pre-bundled helpers: ${main.slice(0, 300)}`);
  } finally {
    await server.close();
  }
});

test('vite-plugin: vite build, the same app from dist/ in Chromium', async () => {
  const dir = await pluginProject();
  await exec(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: dir });
  await served(join(dir, 'dist'), (origin) => assertApp(`${origin}/index.html`));
});
