// Node: the package imported and required from a project, on the
// system Node 20 and on Node 24, with no --conditions: the host probe
// (fixtures/hosts) in ESM and CJS, and import + require() in one process.
import { deepEqual, test } from '../support/harness.mjs';
import { exec, tool } from './project.mjs';
import { probeProject, probeTwice } from './fixtures/hosts/verify.mjs';

let dir;
const ready = () => (dir ??= probeProject('node'));
const names = ['als-wasm', 'als-wasm/async_hooks', 'als-wasm/global'];

for (const [label, node] of [['Node 20', 'node'], ['Node 24', null]]) {
  for (const probe of ['probe.mjs', 'probe.cjs']) {
    const how = probe.endsWith('mjs') ? 'import' : 'require()';
    test(`node: ${label}, ${how} of als-wasm, /async_hooks and /global: native carrier, stores follow every flow`, async () => {
      const cwd = await ready();
      await probeTwice((extra) => exec(node ?? tool('node'), [probe, ...names, ...extra], { cwd }), `${label} ${how}`);
    });
  }
  test(`node: ${label}, import and require() resolve to node.mjs/node.cjs and share one instance`, async () => {
    deepEqual(JSON.parse(await exec(node ?? tool('node'), ['dual.mjs'], { cwd: await ready() })), {
      resolved: { import: 'node.mjs', require: 'node.cjs' }, sameClass: true, sameHooks: true, sharedContexts: true,
    });
  });
}
