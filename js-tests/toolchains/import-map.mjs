// No bundler: the app's ES modules straight from the project folder, with an
// import map that points `als-wasm` into node_modules and the Node library's
// `node:async_hooks` at als-wasm's drop-in. The page runs in headless Chromium.
import { test } from '../support/harness.mjs';
import { project } from './project.mjs';
import { appFiles, assertPage, libDependency, pageHtml, served } from './browser-page.mjs';

const importMap = {
  'als-wasm': '/node_modules/als-wasm/index.js',
  'als-wasm/': '/node_modules/als-wasm/',
  'node:async_hooks': '/node_modules/als-wasm/async_hooks.js',
  'request-context': '/node_modules/request-context/index.js',
};

test('import-map: no bundler, node:async_hooks mapped to als-wasm, context follows await in Chromium', async () => {
  const dir = await project('import-map', {
    files: { ...(await appFiles()), 'index.html': pageHtml({ importMap, script: '<script type="module" src="main.js"></script>' }) },
    dependencies: libDependency,
  });
  await served(dir, (origin) => assertPage(`${origin}/index.html`));
});
