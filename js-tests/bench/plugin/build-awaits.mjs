// node bench/plugin/build-awaits.mjs: bundles awaits.mjs with esbuild (the
// version js-tests installs) twice, into js-tests/.scratch/bench/ (ignored by
// git, served to the bench page): awaits.plain.js as it is, awaits.plugin.js
// through als-wasm/plugin (installed from the packed tarball), and
// awaits.unhooked.js (awaits-unhooked.mjs, als-wasm bundled in) with
// `packages: true, awaitHook: false`, and awaits.brackets.js rewritten to
// import helpers that do nothing (plugin/runtime.native.js, through the
// page's import map): what the rewrite's own calls cost. The runtime
// stays an import, which the page's import map resolves to the same
// node_modules/als-wasm the storage comes from: one copy of the package.
import { build } from 'esbuild';
import { esbuild as als } from 'als-wasm/plugin';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../../.scratch/bench/', import.meta.url));
const entry = fileURLToPath(new URL('awaits.mjs', import.meta.url));
const unhookedEntry = fileURLToPath(new URL('awaits-unhooked.mjs', import.meta.url));

export async function buildAwaits() {
  const builds = [
    ['plain', entry, []],
    ['plugin', entry, [als()]],
    ['unhooked', unhookedEntry, [als({ packages: true, awaitHook: false })]],
    ['brackets', entry, [als({ runtime: 'als-wasm/plugin/runtime-identity' })]],
  ];
  for (const [name, entryPoint, plugins] of builds) {
    const outfile = `${outDir}awaits.${name}.js`;
    // Never a stale build: a failed one must show as an error.
    await rm(outfile, { force: true });
    // The unhooked build carries its own als-wasm, built without the await hook.
    const external = name === 'unhooked' ? [] : ['als-wasm', 'als-wasm/*'];
    await build({
      entryPoints: [entryPoint], outfile, plugins,
      bundle: true, format: 'esm', platform: 'browser', external, logLevel: 'warning',
    });
    if (name === 'unhooked' && !/AWAIT_HOOK = false/.test(await readFile(outfile, 'utf8'))) throw new Error(`${outfile}: the await hook is on`);
    // Each of the four loops' awaits rewritten (`f(t, await g(t, x))`), or
    // none: else the variants would measure nothing.
    const rewritten = (await readFile(outfile, 'utf8')).match(/[\w$]+\((?:[\w$]+, )?await [\w$]+\(/g)?.length ?? 0;
    if (rewritten !== (name === 'plain' ? 0 : 4)) throw new Error(`${outfile}: ${rewritten} awaits rewritten`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAwaits();
