// Bun: the host probe (fixtures/hosts) imported and required from
// a project, and import + require() in one process.
import { deepEqual, test } from '../support/harness.mjs';
import { exec, tool } from './project.mjs';
import { probeProject, probeTwice } from './fixtures/hosts/verify.mjs';

let dir;
const ready = () => (dir ??= probeProject('bun'));
const bun = async (args) => exec(tool('bun'), args, { cwd: await ready() });

for (const probe of ['probe.mjs', 'probe.cjs']) {
  const how = probe.endsWith('mjs') ? 'import' : 'require()';
  test(`bun: ${how} of als-wasm, /async_hooks and /global: native carrier, stores follow every flow`, () =>
    probeTwice((extra) => bun([probe, 'als-wasm', 'als-wasm/async_hooks', 'als-wasm/global', ...extra]), `Bun ${how}`));
}

test('bun: import and require() resolve to native.js (the bun condition) and share one instance', async () => {
  deepEqual(JSON.parse(await bun(['dual.mjs'])), {
    resolved: { import: 'native.js', require: 'native.js' }, sameClass: true, sameHooks: true, sharedContexts: true,
  });
});
