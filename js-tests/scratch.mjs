// The toolchain tests (issue 4): throwaway projects built with real tools
// from npm (scratch/*.mjs). ALS_ONLY=<group> picks one tool, as cargo xtask
// test does, one suite per tool. Env: see scratch/project.mjs.
import { run } from './harness.mjs';

const groups = (process.env.ALS_ONLY ?? '').split(',').filter(Boolean);
const all = ['node', 'deno', 'bun', 'workerd', 'tsc', 'vite', 'vite-plugin', 'esbuild', 'webpack', 'import-map'];
for (const name of groups.length ? groups : all) await import(`./scratch/${name}.mjs`);
await run();
