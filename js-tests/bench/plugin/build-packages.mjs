// Issue 24's third build target: rewriting node_modules too (`packages:
// true`) with esbuild. The app is LangGraph's and LangChain's own code, what
// a user of `interrupt()` bundles (js-tests/integrations/langgraph/, its
// packages pinned there; installed with `npm ci` if they are not yet), plus
// als-wasm (js-tests' copy, put into that project as its integration suite
// does); built without the plugin, with a plugin that changes nothing,
// with `packages: true` and with `packages: true, awaitHook: false`, each
// build in a fresh process (build-one.mjs), in turns. Answers the JSON line
// build-time.mjs prints: the medians, the bundle's size and its awaits, and
// what bounds it: the do-nothing plugin, loading ours instead, and the
// transform's first pass over the bundle's modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { median } from '../measure.mjs';
import { buildOne, REWRITTEN, transformOne } from './fresh-process.mjs';
import { SCRIPT } from '../../node_modules/als-wasm/plugin/module-pass.js';

const VARIANTS = ['plain', 'floor', 'packages', 'whole'];

const ENTRY = `// Written by bench/plugin/build-packages.mjs.
export * from '@langchain/langgraph';
export * from '@langchain/core/messages';
export * from '@langchain/core/runnables';
export { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
export { BaseChatModel } from '@langchain/core/language_models/chat_models';
export { awaitAllCallbacks } from '@langchain/core/callbacks/promises';
export { AsyncLocalStorage } from 'als-wasm';
`;

export async function measurePackages({ tests, scratch, runs }) {
  const project = join(tests, 'integrations/langgraph');
  const modules = join(project, 'node_modules');
  if (!existsSync(join(modules, '@langchain/langgraph'))) {
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: project, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm ci in ${project}: ${r.stderr.slice(-2000)}`);
  }
  // The als-wasm being measured, in that project too: the rewritten packages
  // import its helpers from where they are.
  await rm(join(modules, 'als-wasm'), { recursive: true, force: true });
  await cp(join(tests, 'node_modules/als-wasm'), join(modules, 'als-wasm'), { recursive: true });
  const dir = join(scratch, 'packages');
  await mkdir(dir, { recursive: true });
  const entry = join(dir, 'entry.mjs');
  await writeFile(entry, ENTRY);
  const ms = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  const imports = { floor: [], packages: [] };
  let bytes = 0;
  let awaits = 0;
  for (let i = -1; i < runs; i++) {
    for (const variant of VARIANTS) {
      const out = join(scratch, 'out', `esbuild-packages-${variant}`);
      const result = buildOne(tests, ['esbuild', variant, entry, out, modules]);
      if (i >= 0) ms[variant].push(result.ms);
      if (i >= 0 && imports[variant]) imports[variant].push(result.pluginMs);
      if (i === -1 && variant !== 'floor') {
        const code = await readFile(join(out, 'entry.js'), 'utf8');
        if (variant === 'plain') {
          bytes = code.length;
          awaits = (code.match(/\bawait\b/g) ?? []).length;
        } else if (!code.match(REWRITTEN)) {
          throw new Error(`esbuild packages ${variant}: no rewritten await in the bundle`);
        }
      }
    }
  }
  const medians = Object.fromEntries(VARIANTS.map((v) => [v, median(ms[v])]));
  // The transform's first pass over the bundle's script modules, in a fresh
  // process each time (transform-one.mjs), as `packages: true` calls it.
  const { metafile } = await build({
    entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent', nodePaths: [modules],
  });
  const list = join(dir, 'modules.json');
  await writeFile(list, JSON.stringify(Object.keys(metafile.inputs).filter((f) => SCRIPT.test(f)).map((f) => resolve(tests, f))));
  const cold = [];
  for (let i = 0; i < runs; i++) cold.push(transformOne(tests, list).cold);
  return {
    build: 'esbuild-packages', bytes, awaits, ...medians, floorImport: median(imports.floor), pluginImport: median(imports.packages),
    transformCold: median(cold), runs, ms,
  };
}
