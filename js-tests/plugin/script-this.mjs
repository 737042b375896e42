// A script (no import, export or require) whose top level reads `this`, as
// UMD's `(function (root) { … })(this)` does: esbuild and webpack give it
// its CommonJS `exports` there. An import of the helpers would make it an ES
// module, whose `this` is undefined (webpack's build then fails on the app's
// default import, or the script throws as the bundle loads), so the
// transform requires them instead. Each build runs in a Node process of its
// own: the script's `then` and `await` keep the store.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { equal, test } from '../support/harness.mjs';
import { esbuild, webpack } from './support/bundlers.mjs';
import { withApp } from './support/app.mjs';

const FILES = {
  'src/umd.js': `(function (root) {
  root.lib = {
    later: function (p, f) { return p.then(f); },
    waits: async function () { await null; },
  };
})(this);
`,
  'src/main.js': `import umd from './umd.js';
import { AsyncLocalStorage } from 'als-wasm';
const als = new AsyncLocalStorage();
const seen = [];
als.run('s', async () => {
  await umd.lib.later(Promise.resolve(1), () => seen.push(als.getStore()));
  await umd.lib.waits();
  seen.push(als.getStore());
}).then(() => console.log(JSON.stringify(seen)));
`,
};

for (const [name, build, ext] of [['esbuild', esbuild, '.mjs'], ['webpack', webpack, '.cjs']]) {
  for (const [label, plugin] of [['hook on', true], ['hook off', { packages: true, awaitHook: false }]]) {
    test(`plugin-script-this: a UMD script's top-level this stays its exports (${name}, ${label})`, async () => {
      await withApp(FILES, async (dir) => {
        const out = await build(dir, { plugin });
        equal(out.error, undefined, 'the build');
        const file = join(dir, `bundle${ext}`);
        writeFileSync(file, out.code);
        const printed = execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim();
        equal(printed, '["s","s"]', 'the stores after the script\'s then and await');
      });
    });
  }
}
