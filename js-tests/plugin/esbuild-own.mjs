// 3c. esbuild gets the plugin as its own plugin (plugin/esbuild.js), not
// through unplugin's esbuild adapter: these check it against what that
// adapter does with the same plugin (unplugin's `raw` factory), what the
// adapter got wrong (a build's own loader), another plugin's virtual module,
// and the subpath that spares loading unplugin.
import * as esbuildApi from 'esbuild';
import { createUnplugin } from 'unplugin';
import { equal, ok, test } from '../support/harness.mjs';
import { withApp } from './support/app.mjs';
import { unplugin } from './support/installed.mjs';

const build = (dir, plugins, extra = {}) => esbuildApi.build({
  absWorkingDir: dir, entryPoints: ['src/main.js'], bundle: true, format: 'esm', platform: 'browser', target: 'esnext',
  write: false, outfile: 'dist/main.js', logLevel: 'silent', external: ['als-wasm/*'], plugins, ...extra,
});
const text = (result) => result.outputFiles.find((f) => f.path.endsWith('.js')).text;
// The same plugin through unplugin's esbuild adapter, as als-wasm/plugin gave it before.
const throughAdapter = (options) => createUnplugin(unplugin.raw).esbuild(options);

const app = {
  'src/main.js': "import { load } from './load.js';\nimport { view } from './view.jsx';\nimport { typed } from './typed.ts';\nconsole.log(await load(), view, await typed());\n",
  'src/load.js': 'export async function load() { return (await fetch("/x")).status; }\n// await in a comment only\n',
  'src/view.jsx': 'export const view = async () => <p>{await Promise.resolve(1)}</p>;\nconst React = { createElement: (...a) => a };\n',
  'src/typed.ts': 'export async function typed(): Promise<number> { return (await 1) as number; }\n',
  'src/plain.js': 'export const note = "await nothing here";\n',
};

test('plugin-esbuild-own: the bundle is the one unplugin\'s esbuild adapter makes of the same plugin', () => withApp(app, async (dir) => {
  const own = await build(dir, [unplugin.esbuild()]);
  ok(text(own).includes('await __als_suspend(__als_t, fetch('), 'the awaits are rewritten');
  ok(text(own).includes('createElement("p"'), 'a .jsx module is loaded as JSX');
  equal(text(own), text(await build(dir, [throughAdapter()])));
}));

test('plugin-esbuild-own: with source maps, the same bundle and map as through unplugin\'s adapter', () => withApp(app, async (dir) => {
  const own = await build(dir, [unplugin.esbuild()], { sourcemap: true });
  const adapter = await build(dir, [throughAdapter()], { sourcemap: true });
  const map = (result) => result.outputFiles.find((f) => f.path.endsWith('.map')).text;
  equal(text(own), text(adapter));
  equal(map(own), map(adapter));
}));

test('plugin-esbuild-own: als-wasm/plugin/esbuild is the same plugin, without unplugin', () => withApp(app, async (dir) => {
  const { default: own } = await import('als-wasm/plugin/esbuild');
  equal(text(await build(dir, [own()])), text(await build(dir, [unplugin.esbuild()])));
}));

// unplugin's adapter gave every module the loader of its extension; a
// build's own `loader` for an extension is kept here.
test('plugin-esbuild-own: a build that loads .js as JSX keeps its loader for rewritten modules', () => withApp({
  'src/main.js': 'const React = { createElement: (...a) => a };\nexport const view = async () => <b>{await 1}</b>;\n',
}, async (dir) => {
  const result = await build(dir, [unplugin.esbuild()], { loader: { '.js': 'jsx' } });
  ok(text(result).includes('createElement("b"'), text(result));
}));

// A plugin that resolves an import to a path with no file behind it and
// loads it itself, listed after als-wasm: the module is that plugin's.
test('plugin-esbuild-own: another plugin\'s virtual module in the file namespace is left to it', () => withApp({
  'src/main.js': "import { v } from 'virtual:v';\nconsole.log(await v());\n",
}, async (dir) => {
  const path = `${dir}/src/virtual.js`;
  const virtual = {
    name: 'virtual',
    setup(b) {
      b.onResolve({ filter: /^virtual:v$/ }, () => ({ path }));
      b.onLoad({ filter: /virtual\.js$/ }, () => ({ contents: 'export const v = async () => await 7;\n', loader: 'js' }));
    },
  };
  const result = await build(dir, [unplugin.esbuild(), virtual]);
  ok(text(result).includes('await 7'), text(result));
}));
