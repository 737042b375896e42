// Builds the bundled test apps into js-tests/.bundled/ (ignored by git):
// for each bundler, the app (app.mjs) with als-wasm/plugin and without it,
// the fresh-realm cases (fresh-app.mjs, one case per page load) with it,
// and the zone.js app (zone-app.mjs) with and without it; each build in its own folder with its own index.html. Prints each
// build's time. The browser runners open .bundled/<build>/index.html.
//   node bundlers/build.mjs [bundler...]     (default: all four)
import { mkdir, readdir, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { page } from './page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLERS = ['vite', 'rollup', 'webpack', 'esbuild'];
const UNHOOKED = { packages: true, awaitHook: false };
const APPS = [
  { name: 'plugin', entry: 'bundlers/app.mjs', plugin: true },
  { name: 'plain', entry: 'bundlers/app.mjs', plugin: false },
  { name: 'fresh-plugin', entry: 'bundlers/fresh-app.mjs', plugin: true },
  // Every module rewritten, packages too, and the carrier's hook on every
  // await taken off (docs/plugin.md); with esbuild only, to keep CI short.
  { name: 'plugin-unhooked', entry: 'bundlers/app.mjs', plugin: UNHOOKED, only: ['esbuild'] },
  { name: 'fresh-unhooked', entry: 'bundlers/fresh-app.mjs', plugin: UNHOOKED, only: ['esbuild'] },
  // zone.js rewritten too: its own then calls import als-wasm's helpers, so
  // als-wasm now evaluates before it, whatever the app's import order.
  { name: 'zone-unhooked', entry: 'bundlers/zone-app.mjs', plugin: UNHOOKED, only: ['esbuild'] },
  { name: 'zone-plugin', entry: 'bundlers/zone-app.mjs', plugin: true },
  { name: 'zone-plain', entry: 'bundlers/zone-app.mjs', plugin: false },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((b) => !BUNDLERS.includes(b));
if (unknown.length) throw new Error(`unknown bundler ${unknown.join(', ')}; known: ${BUNDLERS.join(', ')}`);

// The page's ALS_PLUGIN=1 claims the build rewrote the app: a plugin build
// must bundle the plugin's runtime (it comes only with rewritten code), a
// plain build must not, as the source maps tell.
async function checkRewritten(outDir, plugin) {
  const sources = [];
  for (const file of await readdir(outDir, { recursive: true })) {
    if (file.endsWith('.map')) sources.push(...JSON.parse(await readFile(join(outDir, file), 'utf8')).sources);
  }
  const rewritten = sources.some((s) => s.endsWith('als-wasm/plugin/runtime.js'));
  if (sources.length === 0) throw new Error('the build wrote no source map');
  if (rewritten !== plugin) throw new Error(`the build ${rewritten ? 'bundled' : 'did not bundle'} als-wasm/plugin/runtime.js`);
}

let failed = 0;
for (const bundler of wanted.length ? wanted : BUNDLERS) {
  for (const app of APPS.filter((a) => !a.only || a.only.includes(bundler))) {
    const name = `${bundler}-${app.name}`;
    const outDir = join(root, '.bundled', name);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    let seconds;
    try {
      const { build } = await import(`./${bundler}.mjs`);
      const started = performance.now(); // the bundler's own loading not counted
      await build({ root, entry: join(root, app.entry), outDir, plugin: app.plugin });
      seconds = ((performance.now() - started) / 1000).toFixed(2);
      await checkRewritten(outDir, Boolean(app.plugin));
    } catch (e) {
      failed++;
      console.log(`FAIL building ${name}: ${e?.stack ?? e}`);
      continue;
    }
    const how = app.plugin === UNHOOKED ? 'with als-wasm/plugin, packages too, await hook off' : `${app.plugin ? 'with' : 'without'} als-wasm/plugin`;
    const title = `als-wasm test app: ${app.entry}, ${bundler}, ${how}`;
    await writeFile(join(outDir, 'index.html'), page({ title, bundle: 'app.js', plugin: Boolean(app.plugin), known: app.plugin === UNHOOKED ? 'await-hook-off' : undefined }));
    const kb = Math.round((await stat(join(outDir, 'app.js'))).size / 1024);
    console.log(`built .bundled/${name}/ in ${seconds} s (app.js ${kb} KiB)`);
  }
}
process.exitCode = failed ? 1 : 0;
