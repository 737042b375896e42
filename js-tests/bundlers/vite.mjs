// Vite's production build (Rolldown, minified by Oxc) through its JS API,
// with no config file; the entry is a JS module (the page is build.mjs's).
import { build as viteBuild } from 'vite';
import { vite as alsWasm } from 'als-wasm/plugin';
import { options } from './plugin-options.mjs';
import { isExternal } from './externals.mjs';

export async function build({ root, entry, outDir, plugin }) {
  await viteBuild({
    configFile: false,
    root,
    base: './', // served from .bundled/<build>/, not the site's root
    logLevel: 'warn',
    plugins: plugin ? [alsWasm(options(plugin))] : [],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'esnext', // top-level await
      sourcemap: true,
      rolldownOptions: {
        input: entry,
        external: isExternal,
        output: {
          entryFileNames: 'app.js',
          // The cases check functions' and classes' names (errors, fuzz).
          keepNames: true,
          // Modules run in import order, not shared chunks first (fresh-app.mjs).
          strictExecutionOrder: true,
        },
      },
    },
  });
}
