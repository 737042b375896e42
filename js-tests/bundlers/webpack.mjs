// webpack 5 through its Node API: production mode (terser), an ESM bundle
// for the web that the page imports (outputModule), the cases' top-level
// awaits as webpack's async modules, impl.mjs's dynamic imports split into
// chunks.
import webpack from 'webpack';
import { webpack as alsWasm } from 'als-wasm/plugin';
import { options } from './plugin-options.mjs';
import { isExternal } from './externals.mjs';

export function build({ root, entry, outDir, plugin }) {
  const config = {
    mode: 'production',
    context: root,
    target: 'web',
    entry: { app: entry },
    devtool: 'source-map',
    output: { path: outDir, filename: 'app.js', module: true, clean: true },
    experiments: { outputModule: true, topLevelAwait: true },
    externalsType: 'import',
    externals: [({ request }, callback) => (isExternal(request) ? callback(null, request) : callback())],
    // terser keeps functions' and classes' names: the cases check them (errors, fuzz).
    optimization: { minimizeOptions: { javascript: { compress: { passes: 2 }, keepClassnames: true, keepFnames: true } } },
    performance: { hints: false },
    plugins: plugin ? [alsWasm(options(plugin))] : [],
  };
  const compiler = webpack(config);
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) return reject(error);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        if (stats.hasWarnings()) console.warn(stats.toString({ all: false, warnings: true }));
        resolve();
      });
    });
  });
}
