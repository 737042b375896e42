// webpack 5 (+ webpack-cli) from npm bundles the app in production mode, with
// only an alias for the Node library's `node:async_hooks`: no polyfills, no
// loaders, no fallbacks. The page runs in headless Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from '../support/harness.mjs';
import { exec, project } from './project.mjs';
import { appFiles, assertNativeAsync, assertNoNodeImport, assertPage, libDependency, pageHtml, served } from './browser-page.mjs';

// resolve.alias as documented; webpack 5 does not apply it to `node:`
// requests on web targets (webpack/webpack#14166: UnhandledSchemeError
// "Reading from node:async_hooks is not handled by plugins"), so the
// replacement plugin rewrites that one request first.
const config = `import webpack from 'webpack';
export default {
  mode: 'production',
  entry: './main.js',
  output: { path: new URL('./dist', import.meta.url).pathname, filename: 'main.js' },
  resolve: { alias: { 'node:async_hooks': 'als-wasm/async_hooks', async_hooks: 'als-wasm/async_hooks' } },
  plugins: [new webpack.NormalModuleReplacementPlugin(/^node:async_hooks$/, 'als-wasm/async_hooks')],
};
`;

test('webpack: production bundle with the node:async_hooks alias, context follows await in Chromium', async () => {
  const dir = await project('webpack', {
    files: {
      ...(await appFiles('dist')),
      'webpack.config.js': config,
      // A classic script: webpack's default output is not an ES module.
      'dist/index.html': pageHtml({ script: '<script src="main.js"></script>' }),
    },
    dependencies: ['webpack@5', 'webpack-cli@7', ...libDependency],
  });
  await exec(join(dir, 'node_modules/.bin/webpack'), ['--config', 'webpack.config.js'], { cwd: dir });
  const js = await readFile(join(dir, 'dist/main.js'), 'utf8');
  assertNativeAsync(js, 'webpack');
  assertNoNodeImport(js, 'webpack');
  await served(join(dir, 'dist'), (origin) => assertPage(`${origin}/index.html`));
});
