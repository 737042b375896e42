// 7. Packages the plugin does not rewrite whose code calls enterWith,
// withScope or AsyncResource#bind after an await: each bundler's build warns
// once per such package, naming it; none for a package that does not, none
// once the package is rewritten (`packages: [...]` or `packages: true`).
import { equal, ok, test } from '../support/harness.mjs';
import { withApp } from './support/app.mjs';
import { bundlers } from './support/bundlers.mjs';
import { entersAfterAwait } from './support/installed.mjs';

// Packages inside the app's own src (the innermost node_modules names them).
const lib = (name, body) => ({ [`src/vendor/node_modules/${name}/index.js`]: body });
const app = {
  'src/main.js':
    "import { a, b } from './vendor/node_modules/late-lib/index.js';\n" +
    "import { c } from './vendor/node_modules/calm-lib/index.js';\n" +
    'console.log(a, b, c);\n',
  ...lib('late-lib', "export { b } from './more.js';\nexport async function a(storage) {\n  await null;\n  storage.enterWith(1);\n}\n"),
  'src/vendor/node_modules/late-lib/more.js': 'export async function b(s) {\n  await s;\n  s.enterWith(2);\n}\n',
  ...lib('calm-lib', 'export async function c(storage) {\n  await null;\n  return storage.run(1, () => 2);\n}\n'),
};
const ours = (warnings) => warnings.filter((w) => w.includes('als-wasm/plugin does not rewrite'));

for (const [name, build] of Object.entries(bundlers)) {
  test(`plugin-package-warnings: ${name} warns once, naming the package that enters after an await`, () => withApp(app, async (dir) => {
    const built = await build(dir, { plugin: true, external: true });
    ok(!built.error, built.error?.message);
    const warnings = ours(built.warnings);
    equal(warnings.length, 1, `warnings: ${JSON.stringify(built.warnings)}`);
    ok(warnings[0].includes('does not rewrite late-lib,'), warnings[0]);
    ok(!/\b(?:awaited|suspend)\b/.test(built.code), 'no package rewritten');
  }));

  for (const packages of [['late-lib'], true]) {
    test(`plugin-package-warnings: ${name} with packages: ${JSON.stringify(packages)} rewrites it and warns nothing`, () => withApp(app, async (dir) => {
      const built = await build(dir, { plugin: { packages }, external: true });
      ok(!built.error, built.error?.message);
      equal(ours(built.warnings).length, 0, `warnings: ${JSON.stringify(built.warnings)}`);
      ok(/\b(?:awaited|suspend)\b/.test(built.code), 'late-lib rewritten');
    }));
  }
}

const cases = [
  ['await x; s.enterWith(1)', true],
  ['await x;\n  storage.withScope(v)', true],
  ["import { AsyncResource } from 'node:async_hooks'; async function f() { await g(); return AsyncResource.bind(h); }", true],
  ['s.enterWith(1); await x', false],
  ['await x; s.run(1, f)', false],
  ['function f() { s.enterWith(1) }', false],
  ['await x; fn.bind(this)', false],
];
for (const [code, expected] of cases) {
  test(`plugin-package-warnings: entersAfterAwait(${JSON.stringify(code)}) is ${expected}`, () => {
    equal(entersAfterAwait(code), expected);
  });
}
