// Throwaway projects for the toolchain tests: each lives in
// js-tests/.scratch/<name>/ (ignored by git), gets its files and an
// `npm install` of the packed als-wasm tarball plus tools from npm, as a
// user's project would.
//   ALS_TARBALL: the tarball made by `npm pack` (cargo xtask test sets it)
//   TOOLS_BIN:   .tools/node_modules/.bin (node 24, deno, bun)
import { exec } from '../runners/exec.mjs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { exec }; // for toolchains/*.mjs

export const scratchRoot = fileURLToPath(new URL('../.scratch/', import.meta.url));
export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function tool(name) {
  const bin = process.env.TOOLS_BIN;
  if (!bin) throw new Error('set TOOLS_BIN to .tools/node_modules/.bin');
  return join(bin, name);
}

// Creates js-tests/.scratch/<name> with `files` ({ path: text }) and installs
// `dependencies` (npm specs) and the als-wasm tarball. Answers the folder.
export async function project(name, { files = {}, dependencies = [], install = true } = {}) {
  const dir = join(scratchRoot, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const all = { 'package.json': JSON.stringify({ name: `scratch-${name}`, private: true, type: 'module' }, null, 2), ...files };
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  if (install) {
    const tarball = process.env.ALS_TARBALL;
    if (!tarball) throw new Error('set ALS_TARBALL to the packed als-wasm tarball');
    await exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...dependencies], { cwd: dir });
  }
  return dir;
}
