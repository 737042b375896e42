// 3c. esbuild gets the plugin as its own plugin (plugin/esbuild.js), not
// through unplugin: these check what unplugin's adapter did for it and the
// subpath that spares loading unplugin.
import * as esbuildApi from 'esbuild';
import { equal, ok, test } from '../support/harness.mjs';
import { withApp } from './support/app.mjs';
import { unplugin } from './support/installed.mjs';

const build = (dir, plugin, extra = {}) => esbuildApi.build({
  absWorkingDir: dir, entryPoints: ['src/main.js'], bundle: true, format: 'esm', platform: 'browser', target: 'esnext',
  write: false, outfile: 'dist/main.js', logLevel: 'silent', external: ['als-wasm/*'], plugins: [plugin], ...extra,
});

const app = {
  'src/main.js': "import { load } from './load.js';\nimport { view } from './view.jsx';\nconsole.log(await load(), view);\n",
  'src/load.js': 'export async function load() { return (await fetch("/x")).status; }\n',
  'src/view.jsx': 'export const view = async () => <p>{await Promise.resolve(1)}</p>;\nconst React = { createElement: (...a) => a };\n',
};

test('plugin-esbuild-own: als-wasm/plugin/esbuild builds what alsWasm.esbuild() builds', () => withApp(app, async (dir) => {
  const { default: own } = await import('als-wasm/plugin/esbuild');
  const viaSubpath = await build(dir, own());
  const viaMain = await build(dir, unplugin.esbuild());
  const text = (result) => result.outputFiles[0].text;
  ok(text(viaSubpath).includes('await __als_suspend(__als_t, fetch('), 'the subpath rewrote the awaits');
  ok(text(viaSubpath).includes('createElement("p"'), 'a .jsx module is loaded as JSX');
  equal(text(viaSubpath), text(viaMain));
}));

// unplugin's adapter gave every module the loader of its extension; a
// build's own `loader` for an extension is kept here.
test('plugin-esbuild-own: a build that loads .js as JSX keeps its loader for rewritten modules', () => withApp({
  'src/main.js': 'const React = { createElement: (...a) => a };\nexport const view = async () => <b>{await 1}</b>;\n',
}, async (dir) => {
  const result = await build(dir, unplugin.esbuild(), { loader: { '.js': 'jsx' } });
  ok(result.outputFiles[0].text.includes('createElement("b"'), result.outputFiles[0].text);
}));

// A module the plugin leaves alone (no await) is not handed back: esbuild
// loads it itself, and the bundle is what it is without the plugin.
test('plugin-esbuild-own: a build with no await to rewrite is the build without the plugin', () => withApp({
  'src/main.js': "import { x } from './x.ts';\nconsole.log(x);\n",
  'src/x.ts': 'export const x = (1 satisfies number) as number;\n',
}, async (dir) => {
  const plain = await esbuildApi.build({
    absWorkingDir: dir, entryPoints: ['src/main.js'], bundle: true, format: 'esm', write: false, outfile: 'dist/main.js', logLevel: 'silent',
  });
  const withPlugin = await build(dir, unplugin.esbuild(), { external: [], platform: undefined, target: undefined });
  equal(withPlugin.outputFiles[0].text, plain.outputFiles[0].text);
}));
