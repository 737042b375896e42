// Deno, run with no permissions at all: npm:als-wasm from a
// project's node_modules (deno.json "nodeModulesDir": "manual"; the package
// is not on the public registry), the bare name through package.json, and
// local paths to index.js (runtime detection) and native.js. The `deno`
// condition takes Node's build (node.mjs around node.cjs): Deno's require()
// knows only the node condition, and import and require() must share one
// instance.
import { deepEqual, test } from '../support/harness.mjs';
import { exec, tool } from './project.mjs';
import { probeProject, probeTwice } from './fixtures/hosts/verify.mjs';

let dir;
const ready = () => (dir ??= probeProject('deno', {
  'deno.json': JSON.stringify({ nodeModulesDir: 'manual' }),
  'entry.mjs': "import 'npm:als-wasm';\nimport 'npm:als-wasm/async_hooks';\nimport 'npm:als-wasm/global';\n",
}));
const deno = async (args) => exec(tool('deno'), args, { cwd: await ready() });
const local = './node_modules/als-wasm/';

test('deno: npm:als-wasm, /async_hooks and /global resolve from node_modules to the deno condition', async () => {
  const { modules } = JSON.parse(await deno(['info', '--json', 'entry.mjs']));
  const files = modules.map((m) => m.specifier).filter((s) => s.includes('/node_modules/als-wasm/') && !/\.d\.c?ts$/.test(s));
  deepEqual(files.map((s) => s.split('/').at(-1)).sort(), ['async_hooks.node.mjs', 'global.cjs', 'node.mjs']);
});

const variants = {
  'npm:als-wasm': ['npm:als-wasm', 'npm:als-wasm/async_hooks', 'npm:als-wasm/global'],
  "bare 'als-wasm' (package.json)": ['als-wasm', 'als-wasm/async_hooks', 'als-wasm/global'],
  'local path to index.js (runtime detection)': ['index.js', 'async_hooks.js', 'global.js'].map((f) => local + f),
  'local path to native.js': ['native.js', 'async_hooks.native.js', 'global.native.js'].map((f) => local + f),
};
for (const [label, specifiers] of Object.entries(variants)) {
  test(`deno: ${label}: native carrier, stores follow every flow`, () =>
    probeTwice((extra) => deno(['run', 'probe.mjs', ...specifiers, ...extra]), label));
}

// Deno's require() has the conditions require and node, not deno.
test('deno: import and require() of als-wasm share one instance', async () => {
  const { resolved, ...one } = JSON.parse(await deno(['run', 'dual.mjs']));
  deepEqual(one, { sameClass: true, sameHooks: true, sharedContexts: true }, `import → ${resolved.import}, require() → ${resolved.require}`);
});
