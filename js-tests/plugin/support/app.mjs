// Throwaway app folders for real bundler builds: outside the repository,
// with node_modules linked to js-tests' so that 'als-wasm/plugin/runtime'
// and the bundlers resolve as in a user's project.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nodeModules } from './installed.mjs';

// files: { 'src/main.js': '...' }. Returns the folder.
export async function makeApp(files) {
  const dir = await mkdtemp(join(tmpdir(), 'als-plugin-'));
  await symlink(nodeModules, join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

// makeApp, fn(dir), then the folder is removed whatever happened.
export async function withApp(files, fn) {
  const dir = await makeApp(files);
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
