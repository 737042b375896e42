// node bench/plugin/build-awaits.mjs: bundles awaits.mjs with esbuild (the
// version js-tests installs) twice, into js-tests/.scratch/bench/ (ignored by
// git, served to the bench page): awaits.plain.js as it is, awaits.plugin.js
// through als-wasm/plugin (installed from the packed tarball). The runtime
// stays an import, which the page's import map resolves to the same
// node_modules/als-wasm the storage comes from: one copy of the package.
import { build } from 'esbuild';
import { esbuild as als } from 'als-wasm/plugin';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../../.scratch/bench/', import.meta.url));
const entry = fileURLToPath(new URL('awaits.mjs', import.meta.url));

export async function buildAwaits() {
  for (const [name, plugins] of [['plain', []], ['plugin', [als()]]]) {
    const outfile = `${outDir}awaits.${name}.js`;
    // Never a stale build: a failed one must show as an error.
    await rm(outfile, { force: true });
    await build({
      entryPoints: [entry], outfile, plugins,
      bundle: true, format: 'esm', platform: 'browser', external: ['als-wasm', 'als-wasm/*'], logLevel: 'warning',
    });
    // Each of the three loops' awaits rewritten (`f(await g(x))`), or none:
    // else the variants would measure nothing.
    const rewritten = (await readFile(outfile, 'utf8')).match(/[\w$]+\(await [\w$]+\(/g)?.length ?? 0;
    if (rewritten !== (name === 'plugin' ? 3 : 0)) throw new Error(`${outfile}: ${rewritten} awaits rewritten`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAwaits();
