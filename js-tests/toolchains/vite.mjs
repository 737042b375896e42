// vite from npm, as a user's project: resolve.alias sends the Node library's
// `node:async_hooks` to als-wasm/async_hooks. The same page runs in headless
// Chromium from the dev server (als-wasm and the library pre-bundled by
// optimizeDeps) and from `vite build`'s dist/.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, ok } from '../support/harness.mjs';
import { exec, project } from './project.mjs';
import { appFiles, assertNativeAsync, assertNoNodeImport, assertPage, libDependency, pageHtml, served } from './browser-page.mjs';

const config = `export default {
  resolve: { alias: { 'node:async_hooks': 'als-wasm/async_hooks', async_hooks: 'als-wasm/async_hooks' } },
  // esnext: keep native async/await and async generators in the build.
  build: { target: 'esnext' },
};
`;

// One project for both tests, made on first use.
let made;
const viteProject = () =>
  (made ??= (async () =>
    project('vite', {
      files: {
        ...(await appFiles('public')), // public/data.json: served at /data.json in dev and copied to dist/
        'index.html': pageHtml({ script: '<script type="module" src="/main.js"></script>' }),
        'vite.config.js': config,
      },
      dependencies: ['vite@8', ...libDependency],
    }))());

test('vite: dev server, optimizeDeps pre-bundles als-wasm and the library, context follows await in Chromium', async () => {
  const dir = await viteProject();
  // The project's own vite, started programmatically on a free port.
  const { createServer } = await import(pathToFileURL(createRequire(join(dir, 'package.json')).resolve('vite')).href);
  const server = await createServer({ root: dir, configFile: join(dir, 'vite.config.js'), logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  try {
    await server.listen();
    const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
    await assertPage(`${origin}/`);
    // The page got both packages from vite's dependency pre-bundle.
    const main = await (await fetch(`${origin}/main.js`)).text();
    for (const dep of ['als-wasm', 'request-context']) {
      ok(main.includes(`/node_modules/.vite/deps/${dep}.js`), `dev main.js does not import the pre-bundled ${dep}: ${main.slice(0, 400)}`);
    }
    assertNativeAsync(main, 'vite dev main.js');
  } finally {
    await server.close();
  }
});

test('vite: vite build, dist/ served statically, context follows await in Chromium', async () => {
  const dir = await viteProject();
  await exec(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: dir });
  const assets = join(dir, 'dist/assets');
  const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  ok(scripts.length > 0, 'vite build wrote no script');
  const js = (await Promise.all(scripts.map((f) => readFile(join(assets, f), 'utf8')))).join('\n');
  assertNativeAsync(js, 'vite build');
  assertNoNodeImport(js, 'vite build');
  await served(join(dir, 'dist'), (origin) => assertPage(`${origin}/index.html`));
});
