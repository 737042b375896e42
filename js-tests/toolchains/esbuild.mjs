// esbuild from npm bundles the app (als-wasm + a Node library whose
// `node:async_hooks` is aliased to als-wasm/async_hooks) for the browser; the
// page runs in headless Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from '../support/harness.mjs';
import { exec, project } from './project.mjs';
import { appFiles, assertNativeAsync, assertNoNodeImport, assertPage, libDependency, pageHtml, served } from './browser-page.mjs';

test('esbuild: bundle with the node:async_hooks alias, context follows await in Chromium', async () => {
  const dir = await project('esbuild', {
    files: { ...(await appFiles('dist')), 'dist/index.html': pageHtml({ script: '<script type="module" src="main.js"></script>' }) },
    dependencies: ['esbuild@0.28', ...libDependency],
  });
  // esnext: esbuild must not lower async functions or async generators.
  await exec(join(dir, 'node_modules/.bin/esbuild'), [
    'main.js', '--bundle', '--format=esm', '--platform=browser', '--target=esnext',
    '--alias:node:async_hooks=als-wasm/async_hooks', '--outfile=dist/main.js', '--log-level=warning',
  ], { cwd: dir });
  const js = await readFile(join(dir, 'dist/main.js'), 'utf8');
  assertNativeAsync(js, 'esbuild');
  assertNoNodeImport(js, 'esbuild');
  await served(join(dir, 'dist'), (origin) => assertPage(`${origin}/index.html`));
});
