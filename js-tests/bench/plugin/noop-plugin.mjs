// A plugin that hands each JS module the bundler gives it back unchanged,
// as als-wasm/plugin reaches each bundler: through unplugin, and through
// esbuild's own onLoad for esbuild (plugin/esbuild.js), reading each module
// synchronously. What routing the modules through a JS plugin costs each
// bundler on its own, the floor under the plugin's build time
// (build-time.mjs, the `floor` builds).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createUnplugin } from 'unplugin';

const SCRIPT = /\.[cm]?[jt]sx?$/;
const LOADERS = { '.jsx': 'jsx', '.ts': 'ts', '.cts': 'ts', '.mts': 'ts', '.tsx': 'tsx' };

const base = createUnplugin(() => ({
  name: 'noop',
  transformInclude: (id) => SCRIPT.test(id.replace(/[?#].*$/, '')),
  transform: (code) => ({ code, map: null }),
}));

const esbuild = () => ({
  name: 'noop',
  setup(build) {
    build.onLoad({ filter: SCRIPT, namespace: 'file' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: LOADERS[extname(args.path)] ?? 'js',
    }));
  },
});

export default { esbuild, rollup: base.rollup, vite: base.vite, webpack: base.webpack };
