// The plugin as a user gets it: the packed package installed in
// js-tests/node_modules (`cargo xtask test "npm pack installs"`).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const jsTests = fileURLToPath(new URL('../../', import.meta.url));
export const nodeModules = join(jsTests, 'node_modules');
export const packageDir = join(nodeModules, 'als-wasm');

// transform.js is not in the package's exports map: imported by path.
export const { transformAwaits, RUNTIME } = await import(pathToFileURL(join(packageDir, 'plugin/transform.js')).href);
export { selects, entersAfterAwait, default as unplugin } from 'als-wasm/plugin';
// global-reads.js neither: imported by path.
export const { markGlobalReads } = await import(pathToFileURL(join(packageDir, 'plugin/global-reads.js')).href);
