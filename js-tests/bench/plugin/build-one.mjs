// node bench/plugin/build-one.mjs <bundler> <variant> <entry> <outDir> [nodePaths]:
// one production build of the generated app (app.mjs) in this fresh process,
// as a CLI build would run, with the bundler as js-tests installs it and,
// for `plugin`, als-wasm/plugin (esbuild: als-wasm/plugin/esbuild, as
// docs/plugin.md gives it); for `packages` the same with `packages: true`
// and for `whole` with `packages: true, awaitHook: false` (esbuild only: an
// app with packages, build-packages.mjs, whose own node_modules come as
// nodePaths, comma-separated); for `floor`, a plugin that hands every module
// back unchanged (noop-plugin.mjs). No minifier: it would only add the same
// time to both. Prints { ms, pluginMs }: from before the bundler (and the
// plugin) is imported until its output is written; of it, the plugin's import.
const t0 = performance.now();
const [bundler, variant, entry, outDir, nodePaths] = process.argv.slice(2);
const OPTIONS = { plugin: {}, packages: { packages: true }, whole: { packages: true, awaitHook: false } };
const withPlugin = variant !== 'plain';
const als = OPTIONS[variant]
  ? bundler === 'esbuild' ? { esbuild: (await import('als-wasm/plugin/esbuild')).default } : (await import('als-wasm/plugin')).default
  : withPlugin ? (await import('./noop-plugin.mjs')).default : null;
const options = OPTIONS[variant];
const pluginMs = performance.now() - t0;

const builds = {
  async esbuild() {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [entry], outdir: outDir, bundle: true, format: 'esm', platform: 'browser', logLevel: 'error',
      nodePaths: nodePaths ? nodePaths.split(',') : [],
      plugins: withPlugin ? [als.esbuild(options)] : [],
    });
  },
  async rollup() {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const bundle = await rollup({
      input: entry, logLevel: 'silent',
      plugins: [...(withPlugin ? [als.rollup(options)] : []), nodeResolve({ browser: true })],
    });
    await bundle.write({ dir: outDir, format: 'es' });
    await bundle.close();
  },
  async vite() {
    const { build } = await import('vite');
    await build({
      configFile: false, logLevel: 'error', root: outDir,
      plugins: withPlugin ? [als.vite(options)] : [],
      build: { outDir, emptyOutDir: true, minify: false, rolldownOptions: { input: entry } },
    });
  },
  async webpack() {
    const { default: webpack } = await import('webpack');
    const stats = await new Promise((resolve, reject) => webpack({
      mode: 'production', entry, target: 'web', devtool: false,
      output: { path: outDir, filename: 'main.js' },
      optimization: { minimize: false },
      plugins: withPlugin ? [als.webpack(options)] : [],
    }, (error, result) => (error ? reject(error) : resolve(result))));
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  },
};

if (!builds[bundler]) throw new Error(`unknown bundler ${bundler}`);
await builds[bundler]();
console.log(JSON.stringify({ ms: performance.now() - t0, pluginMs }));
