// 6. selects(id, options): which modules the plugin rewrites.
import { equal, ok, test } from '../support/harness.mjs';
import { selects } from './support/installed.mjs';

// A bug found here (reported): the pattern that finds the innermost
// node_modules folder consumes the '/' the next folder starts with, so in a
// nested install the outermost package decides.
const nested = 'selects() takes the outermost package of a nested node_modules path, not the innermost';

// [id, options, expected, why, bug]
const table = [
  ['/app/src/main.js', {}, true, 'app JS'],
  ['/app/src/a.mjs', {}, true, '.mjs'],
  ['/app/src/a.cjs', {}, true, '.cjs'],
  ['/app/src/a.ts', {}, true, '.ts'],
  ['/app/src/a.mts', {}, true, '.mts'],
  ['/app/src/a.cts', {}, true, '.cts'],
  ['/app/src/a.tsx', {}, true, '.tsx'],
  ['/app/src/a.jsx', {}, true, '.jsx'],
  ['/app/src/a.js?v=1a2b', {}, true, 'a query after a script'],
  ['/app/src/a.css', {}, false, 'CSS'],
  ['/app/src/data.json', {}, false, 'JSON'],
  ['/app/index.html', {}, false, 'HTML'],
  ['/app/src/App.vue', {}, false, 'a whole SFC'],
  ['/app/src/App.vue?vue&type=script&lang.ts', {}, true, "Vite's TS part of an SFC"],
  ['/app/src/App.vue?vue&type=script&setup=true&lang.tsx', {}, true, "Vite's TSX setup part"],
  ['/app/src/App.vue?vue&type=style&index=0&lang.css', {}, false, "Vite's style part"],
  ['/app/src/App.vue?vue&type=template&lang.js', {}, true, 'a compiled template part (JS)'],
  ['\0virtual:als', {}, false, 'a virtual module'],
  ['\0/app/src/main.js?commonjs-proxy', {}, false, 'a \\0 proxy of an app file'],
  ['/app/node_modules/lib/index.js', {}, false, 'node_modules'],
  ['/app/node_modules/lib/index.js', { packages: ['lib'] }, true, 'a listed package'],
  ['/app/node_modules/lib-extra/index.js', { packages: ['lib'] }, false, 'a package whose name starts with a listed one'],
  ['/app/node_modules/@scope/lib/dist/index.mjs', {}, false, 'a scoped package'],
  ['/app/node_modules/@scope/lib/dist/index.mjs', { packages: ['@scope/lib'] }, true, 'a listed scoped package'],
  ['/app/node_modules/@scope/lib/dist/index.mjs', { packages: ['lib'] }, false, 'the unscoped name does not list a scoped package'],
  ['/app/node_modules/@scope/lib/dist/index.mjs', { packages: ['@scope'] }, false, 'the scope alone does not list its packages'],
  ['/app/node_modules/lib/node_modules/dep/index.js', { packages: ['lib'] }, false, 'the innermost package decides (dep, not lib)', nested],
  ['/app/node_modules/dep/node_modules/lib/index.js', { packages: ['lib'] }, true, 'the innermost package decides (lib)', nested],
  ['/app/node_modules/.pnpm/@scope+lib@1.0.0/node_modules/@scope/lib/index.js', { packages: ['@scope/lib'] }, true, 'pnpm layout'],
  ['/app/node_modules/.vite/deps/lib.js', {}, false, "Vite's prebundled deps"],
  ['C:\\app\\src\\main.js', {}, true, 'Windows path'],
  ['C:\\app\\node_modules\\lib\\index.js', {}, false, 'Windows node_modules'],
  ['C:\\app\\node_modules\\lib\\index.js', { packages: ['lib'] }, true, 'Windows, listed package'],
  ['/app/node_modules/als-wasm/index.js', {}, false, 'als-wasm itself'],
  ['/app/node_modules/als-wasm/plugin/runtime.js', { packages: ['als-wasm'] }, false, 'als-wasm itself, even listed'],
  ['/app/node_modules/als-wasm/carrier/promise.js', { include: [/carrier/] }, false, 'als-wasm itself, even included'],
  ['/app/node_modules/.pnpm/als-wasm@0.1.0/node_modules/als-wasm/index.js', { packages: ['als-wasm'] }, false, 'als-wasm itself under pnpm'],
  ['/app/node_modules/lib/node_modules/als-wasm/index.js', { packages: ['lib'] }, false, 'als-wasm nested in a listed package', nested],
  ['/app/src/legacy/old.js', { exclude: 'src/legacy' }, false, 'exclude (string)'],
  ['/app/src/legacy/old.js', { exclude: [/legacy/], include: [/src/] }, false, 'exclude wins over include'],
  ['/app/node_modules/lib/index.js', { exclude: /lib/, packages: ['lib'] }, false, 'exclude wins over packages'],
  ['/app/src/other.js', { exclude: 'src/legacy' }, true, 'exclude leaves the rest'],
  ['/app/src/feature/a.js', { include: [/src\/feature/] }, true, 'include (RegExp)'],
  ['/app/src/other.js', { include: [/src\/feature/] }, false, 'include narrows'],
  ['/app/src/page.svelte', { include: 'src/' }, true, 'include can name other files'],
  ['/app/node_modules/lib/index.js', { include: 'index.js' }, false, 'include does not open node_modules'],
  ['/app/node_modules/lib/index.js', { packages: true }, true, 'packages: true, every package'],
  ['/app/node_modules/@scope/lib/dist/index.mjs', { packages: true }, true, 'packages: true, a scoped package'],
  ['/app/node_modules/als-wasm/index.js', { packages: true }, false, 'packages: true, never als-wasm itself'],
];

for (const [id, options, expected, why, bug] of table) {
  test(`plugin-selects: ${why}: ${JSON.stringify(id)} ${JSON.stringify(options, (k, v) => (v instanceof RegExp ? String(v) : v))}`, () => {
    equal(selects(id, options), expected, bug && `PLUGIN BUG (pending fix): ${bug}`);
  });
}

// The unplugin wires selects() in: it rewrites what selects() takes, and
// reads the other scripts of packages only to warn (package-warnings.mjs).
test('plugin-selects: the plugin asks selects()', async () => {
  const { unplugin } = await import('./support/installed.mjs');
  const raw = unplugin.raw({ exclude: 'legacy' }, { framework: 'rollup' });
  const code = 'export async function f() { await g(); }\n';
  equal(raw.transformInclude('/app/src/a.js'), true);
  // An object hook: its filter lets Vite and Rolldown skip, natively, code
  // with nothing the plugin could act on.
  const { filter, handler } = raw.transform;
  ok(filter.code.test(code) && filter.code.test('globalThis.AsyncLocalStorage') && !filter.code.test('export const a = 1;'), 'code filter');
  ok(handler.call({}, code, '/app/src/a.js')?.code.includes('__als_suspend'), 'an app module is rewritten');
  equal(raw.transformInclude('/app/src/legacy/a.js'), false);
  equal(handler.call({}, code, '/app/node_modules/lib/a.js'), null, 'a package script is only read');
  equal(raw.transformInclude('/app/node_modules/lib/a.css'), false);
  equal(raw.transformInclude('/app/node_modules/als-wasm/a.js'), false);
});
