// 4b. Through each bundler, an app whose modules have nothing to rewrite
// builds to the same bytes (code and source map) with the plugin as
// without it; the same plugin setup does rewrite an app with an await (so
// the plugin was there).
import { equal, ok, test } from '../support/harness.mjs';
import { withApp } from './support/app.mjs';
import { bundlers } from './support/bundlers.mjs';

const plainApp = {
  'src/main.js': "import { flat, describe } from './lib.js';\nconsole.log(describe(), [...flat([[1], [2]])]);\n",
  'src/lib.js': [
    '// Mentions await and yield* only in words and sync generators.',
    "const awaitable = 'await me';",
    'export function* flat(items) { for (const item of items) yield* item; }',
    'export async function describe() { return `${awaitable}: ${[...flat([[3]])]}`; }',
    '',
  ].join('\n'),
};

const awaitApp = {
  'src/main.js': "const load = async () => 1;\nconsole.log(await load());\n",
};

for (const [name, build] of Object.entries(bundlers)) {
  test(`plugin-bundlers-unchanged: ${name} builds an app without awaits to the same bytes`, () => withApp(plainApp, async (dir) => {
    const without = await build(dir, { sourcemap: true });
    const withPlugin = await build(dir, { sourcemap: true, plugin: true });
    ok(!without.error && !withPlugin.error, without.error?.message ?? withPlugin.error?.message);
    ok(without.code.includes('await me'), 'lib.js is in the bundle');
    ok(without.map?.includes('lib.js'), 'a source map');
    equal(withPlugin.code, without.code, 'code');
    equal(withPlugin.map, without.map, 'source map');
  }));

  test(`plugin-bundlers-unchanged: ${name} with the plugin rewrites an app with an await`, () => withApp(awaitApp, async (dir) => {
    const without = await build(dir, { external: true });
    const withPlugin = await build(dir, { external: true, plugin: true });
    ok(!without.error && !withPlugin.error, without.error?.message ?? withPlugin.error?.message);
    ok(!without.code.includes('als-wasm/plugin/runtime'), 'the runtime is not in the build without the plugin');
    ok(withPlugin.code.includes('als-wasm/plugin/runtime'), 'the rewritten module imports the runtime');
  }));
}
