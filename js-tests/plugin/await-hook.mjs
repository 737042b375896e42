// 9. `awaitHook: false`: only with every package rewritten, and then
// als-wasm's carrier/await-hook.js is built with `false` (docs/plugin.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { equal, ok, test, throws } from '../support/harness.mjs';
import { packageDir, unplugin } from './support/installed.mjs';

const hookModule = join(packageDir, 'carrier/await-hook.js');

test('plugin-await-hook: awaitHook: false without packages: true is refused when the plugin is made', () => {
  throws(() => unplugin.raw({ awaitHook: false }, { framework: 'rollup' }), { name: 'TypeError', message: /awaitHook: false needs packages: true/ });
  throws(() => unplugin.raw({ awaitHook: false, packages: ['lib'] }, { framework: 'rollup' }), { message: /needs packages: true/ });
});

test('plugin-await-hook: with packages: true, awaitHook: false, the carrier is built without the hook', () => {
  const code = readFileSync(hookModule, 'utf8');
  ok(/^export const AWAIT_HOOK = true;$/m.test(code), 'the package ships the hook on');
  const off = unplugin.raw({ packages: true, awaitHook: false }, { framework: 'rollup' });
  equal(off.transformInclude(hookModule), true, 'asked for await-hook.js');
  ok(off.transform.filter.code.test(code), 'the code filter lets it through');
  equal(off.transform.handler.call({}, code, hookModule).code, 'export const AWAIT_HOOK = false;\n');
  // Windows paths and a query are the same module.
  const windows = `C:\\app\\node_modules\\als-wasm\\carrier\\await-hook.js?v=1`;
  equal(off.transformInclude(windows), true, 'a Windows path with a query');
});

test('plugin-await-hook: by default the carrier keeps the hook, and no other als-wasm module is touched', () => {
  for (const options of [{}, { packages: true }]) {
    const on = unplugin.raw(options, { framework: 'rollup' });
    equal(on.transformInclude(hookModule), false, JSON.stringify(options));
  }
  const off = unplugin.raw({ packages: true, awaitHook: false }, { framework: 'rollup' });
  equal(off.transformInclude(join(packageDir, 'carrier/promise.js')), false, 'promise.js');
  equal(off.transformInclude('/app/src/carrier/await-hook.js'), true, 'an app file of that name is an app module, rewritten as any');
});
