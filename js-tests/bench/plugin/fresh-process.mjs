// The plugin's build benches (build-time.mjs, build-packages.mjs) run each
// build and each pass of the transform in a fresh process, from js-tests/
// (`tests`): a build's first pass over the wasm is what a user's build pays.
import { spawnSync } from 'node:child_process';

// A rewritten await in a bundle, whatever names the bundler gave the
// helpers: `await awaited(`, `await suspend(`, either through a bundler's
// import binding (`await (0, x.suspend)(`) or a prefixed one.
export const REWRITTEN = /\bawait (?:\(0,\s*)?[\w$.]*(?:awaited|suspend)\b/g;

// build-one.mjs with `args` (bundler, variant, entry, outDir[, nodePaths]):
// its { ms, pluginMs }.
export function buildOne(tests, args) {
  const r = spawnSync('node', ['bench/plugin/build-one.mjs', ...args], { cwd: tests, encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`build ${args.slice(0, 2).join(' ')}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line);
}

// transform-one.mjs over `where` (a folder or a JSON list of files), node
// started with `flags`: its { cold, warm }.
export function transformOne(tests, where, flags = []) {
  const r = spawnSync('node', [...flags, 'bench/plugin/transform-one.mjs', where], { cwd: tests, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`transform over ${where}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout);
}
