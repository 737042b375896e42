// The toolchain tests: throwaway projects in .scratch/ built with real tools
// from npm (toolchains/*.mjs). ALS_ONLY=<group> picks one tool, as cargo
// xtask test does, one suite per tool. Env: see project.mjs.
import { run } from '../support/harness.mjs';

const groups = (process.env.ALS_ONLY ?? '').split(',').filter(Boolean);
const all = ['node', 'deno', 'bun', 'workerd', 'tsc', 'vite', 'vite-plugin', 'esbuild', 'webpack', 'import-map', 'otel-require'];
for (const name of groups.length ? groups : all) await import(`./${name}.mjs`);
await run();
