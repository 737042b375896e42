// 5. A module with a syntax error: each bundler reports the same error (same
// message, line and column) with the plugin as without it, and the plugin
// warns naming the file and the position (1-based column, as editors do).
// A module without await fails the same way, without the plugin's warning.
// What each bundler reports is printed, as a record.
import { realpathSync } from 'node:fs';
import { deepEqual, equal, ok, test } from '../support/harness.mjs';
import { withApp } from './support/app.mjs';
import { bundlers } from './support/bundlers.mjs';

const broken = {
  'src/main.js': "import { f } from './broken.js';\nconsole.log(f);\n",
  // The error is the `;` at line 3, column 12 (0-based).
  'src/broken.js': 'export async function f() {\n  await g();\n  const x = ;\n}\nasync function g() {}\n',
};
const brokenPlain = { ...broken, 'src/broken.js': 'export function f() {\n  g();\n  const x = ;\n}\nfunction g() {}\n' };

// webpack names the loaders that ran on the module (the plugin's, with it):
// compared without that note, which it is told apart from.
function comparable(name, message) {
  if (name !== 'webpack') return message;
  return message.replace(/\nFile was processed with these loaders:[^]*?\nYou may need an additional loader[^\n]*/, '')
    .replace(/\nYou may need an appropriate loader[^\n]*/, '');
}

for (const [name, build] of Object.entries(bundlers)) {
  test(`plugin-syntax-error: ${name} reports the same error with the plugin`, () => withApp(broken, async (dir) => {
    const without = await build(dir);
    const withPlugin = await build(dir, { plugin: true });
    ok(without.error && withPlugin.error, 'the builds fail');
    equal(without.error.line, 3, 'line');
    deepEqual([withPlugin.error.line, withPlugin.error.column], [without.error.line, without.error.column], 'line and column');
    equal(comparable(name, withPlugin.error.message), comparable(name, without.error.message), 'message');
    console.log(`  record: ${name} reports ${JSON.stringify(without.error.message.split('\n')[0])} at ${without.error.line}:${without.error.column}`
      + `${withPlugin.error.message === without.error.message ? '' : ' (message differs with the plugin only by its loader note)'}`);
    // The warning points where the bundler's error points.
    const file = `${realpathSync(dir)}/src/broken.js`;
    const warning = withPlugin.warnings.find((w) => w.includes('als-wasm/plugin left'));
    ok(warning, `no warning from the plugin among ${JSON.stringify(withPlugin.warnings)}`);
    ok(warning.includes(`als-wasm/plugin left ${file}:3:${without.error.column + 1} as it is`), `warning: ${warning}`);
  }));

  test(`plugin-syntax-error: ${name}, a module without await`, () => withApp(brokenPlain, async (dir) => {
    const without = await build(dir);
    const withPlugin = await build(dir, { plugin: true });
    ok(without.error && withPlugin.error, 'the builds fail');
    deepEqual([withPlugin.error.line, withPlugin.error.column], [without.error.line, without.error.column], 'line and column');
    equal(comparable(name, withPlugin.error.message), comparable(name, without.error.message), 'message');
    equal(withPlugin.warnings.filter((w) => w.includes('als-wasm')).length, 0, 'warnings from the plugin');
  }));
}
