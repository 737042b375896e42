// node bench/plugin/build-awaits.mjs: bundles awaits.mjs with esbuild (the
// version js-tests installs) twice, into js-tests/.scratch/bench/ (ignored by
// git, served to the bench page): awaits.plain.js as it is, awaits.plugin.js
// through als-wasm/plugin (installed from the packed tarball). The runtime
// stays an import, which the page's import map resolves to the same
// node_modules/als-wasm the storage comes from: one copy of the package.
import { build } from 'esbuild';
import { esbuild as als } from 'als-wasm/plugin';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const outDir = fileURLToPath(new URL('../../.scratch/bench/', import.meta.url));
const entry = fileURLToPath(new URL('awaits.mjs', import.meta.url));

export async function buildAwaits() {
  for (const [name, plugins] of [['plain', []], ['plugin', [als()]]]) {
    const outfile = `${outDir}awaits.${name}.js`;
    await build({
      entryPoints: [entry], outfile, plugins,
      bundle: true, format: 'esm', platform: 'browser', external: ['als-wasm', 'als-wasm/*'], logLevel: 'warning',
    });
    const code = await readFile(outfile, 'utf8');
    // The rewrite must be there (or not): else the variants measure nothing.
    if (code.includes('als-wasm/plugin/runtime') !== (name === 'plugin')) {
      throw new Error(`${outfile}: the plugin's rewrite is ${name === 'plugin' ? 'missing' : 'there'}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAwaits();
