// esbuild: one ESM file for the browser (dynamic imports inlined, as
// esbuild does without code splitting).
import * as esbuild from 'esbuild';
import { esbuild as alsWasm } from 'als-wasm/plugin';
import { options } from './plugin-options.mjs';
import { EXTERNAL } from './externals.mjs';

const externals = {
  name: 'externals',
  setup(build) {
    build.onResolve({ filter: EXTERNAL }, ({ path }) => ({ path, external: true }));
  },
};

export async function build({ entry, outDir, plugin }) {
  await esbuild.build({
    entryPoints: { app: entry },
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'esnext',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [externals, ...(plugin ? [alsWasm(options(plugin))] : [])],
  });
}
