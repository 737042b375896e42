// Rollup with @rollup/plugin-node-resolve for the browser (the package's
// `browser` export), one ESM file: in chunks, Rollup runs a shared chunk (the
// package's) before the entry's own modules, which breaks the import order
// the fresh-realm cases need (fresh-app.mjs).
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup as alsWasm } from 'als-wasm/plugin';
import { options } from './plugin-options.mjs';
import { isExternal } from './externals.mjs';

export async function build({ entry, outDir, plugin }) {
  const bundle = await rollup({
    input: entry,
    external: isExternal,
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser'] }), ...(plugin ? [alsWasm(options(plugin))] : [])],
  });
  try {
    await bundle.write({ dir: outDir, format: 'es', sourcemap: true, entryFileNames: 'app.js', inlineDynamicImports: true });
  } finally {
    await bundle.close();
  }
}
