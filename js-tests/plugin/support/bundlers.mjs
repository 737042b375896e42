// The four bundlers the plugin targets, each building src/main.js of an app
// folder (app.mjs) with or without the plugin, all answering in one shape:
//   { code, map, warnings: [text] }                  on success
//   { error: { message, line, column }, warnings }   on a failed build
// `line` is 1-based, `column` as the bundler reports it (its own convention).
// `plugin`: true or the plugin's options. `external`: leave 'als-wasm/...' imports as they are (builds that only look
// at the app's code need not bundle the runtime).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuildApi from 'esbuild';
import { rollup as rollupApi } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build as viteBuild } from 'vite';
import webpackApi from 'webpack';
import { unplugin } from './installed.mjs';

const isRuntime = (id) => id.startsWith('als-wasm');
// `plugin`: true, or the plugin's options.
const optionsOf = (plugin) => (plugin === true ? undefined : plugin);

export async function esbuild(dir, { plugin = false, sourcemap = false, external = false } = {}) {
  try {
    const result = await esbuildApi.build({
      absWorkingDir: dir,
      entryPoints: ['src/main.js'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'esnext',
      outfile: join(dir, 'dist/main.js'),
      write: false,
      sourcemap,
      external: external ? ['als-wasm/*'] : [],
      logLevel: 'silent',
      plugins: plugin ? [unplugin.esbuild(optionsOf(plugin))] : [],
    });
    const file = (ext) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text;
    return { code: file('.js'), map: sourcemap ? file('.js.map') : undefined, warnings: result.warnings.map((w) => w.text) };
  } catch (error) {
    if (!error.errors) throw error;
    const [first] = error.errors;
    return {
      error: { message: first.text, line: first.location?.line, column: first.location?.column },
      warnings: error.warnings.map((w) => w.text),
    };
  }
}

export async function rollup(dir, { plugin = false, sourcemap = false, external = false } = {}) {
  const warnings = [];
  try {
    const bundle = await rollupApi({
      input: join(dir, 'src/main.js'),
      external: external ? isRuntime : [],
      plugins: [nodeResolve({ browser: true }), ...(plugin ? [unplugin.rollup(optionsOf(plugin))] : [])],
      onwarn: (warning) => warnings.push(warning.message),
    });
    const { output } = await bundle.generate({ format: 'es', sourcemap });
    await bundle.close();
    return { code: output[0].code, map: output[0].map?.toString(), warnings };
  } catch (error) {
    if (!error.loc) throw error;
    return { error: { message: error.message, line: error.loc.line, column: error.loc.column }, warnings };
  }
}

export async function vite(dir, { plugin = false, sourcemap = false, external = false } = {}) {
  const warnings = [];
  const logger = {
    info() {}, warnOnce(m) { warnings.push(m); }, warn(m) { warnings.push(m); }, error() {},
    clearScreen() {}, hasErrorLogged: () => false, hasWarned: false,
  };
  try {
    const result = await viteBuild({
      root: dir,
      configFile: false,
      cacheDir: join(dir, '.vite'),
      customLogger: logger,
      logLevel: 'warn',
      plugins: plugin ? [unplugin.vite(optionsOf(plugin))] : [],
      build: {
        write: false,
        minify: false,
        sourcemap,
        rollupOptions: { input: join(dir, 'src/main.js'), external: external ? isRuntime : [] },
      },
    });
    const chunk = [result].flat()[0].output.find((o) => o.type === 'chunk');
    return { code: chunk.code, map: chunk.map?.toString(), warnings };
  } catch (error) {
    // Rolldown throws one error that lists the build's errors.
    const first = error.errors?.[0] ?? error;
    if (!first.loc) throw error;
    return { error: { message: first.message, line: first.loc.line, column: first.loc.column }, warnings };
  }
}

export async function webpack(dir, { plugin = false, sourcemap = false, external = false } = {}) {
  const stats = await new Promise((resolve, reject) => {
    webpackApi({
      context: dir,
      entry: './src/main.js',
      mode: 'none',
      devtool: sourcemap ? 'source-map' : false,
      output: { path: join(dir, 'dist'), filename: 'main.js' },
      externals: external ? [({ request }, callback) => (isRuntime(request) ? callback(null, `commonjs ${request}`) : callback())] : [],
      plugins: plugin ? [unplugin.webpack(optionsOf(plugin))] : [],
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  const warnings = stats.compilation.warnings.map((w) => w.message);
  const [first] = stats.compilation.errors;
  if (first) {
    if (!first.loc?.start) throw first;
    return { error: { message: first.message, line: first.loc.start.line, column: first.loc.start.column }, warnings };
  }
  const code = await readFile(join(dir, 'dist/main.js'), 'utf8');
  const map = sourcemap ? await readFile(join(dir, 'dist/main.js.map'), 'utf8') : undefined;
  return { code, map, warnings };
}

export const bundlers = { esbuild, rollup, vite, webpack };
