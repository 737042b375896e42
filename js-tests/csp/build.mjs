// Builds what runs under a Content-Security-Policy that forbids compiling
// WebAssembly, with esbuild, as an app under such a policy ships it:
//   .bundled/csp/            served with `script-src 'self'; object-src 'self'`
//                            (serve.mjs): the cases (index.html), the fresh-realm
//                            cases (fresh.html), the cases in a dedicated worker
//                            (worker.html), a service worker's flows and requests
//                            (service-worker.html), and the default entry refused
//                            (refused.html);
//   .bundled/csp-extension/  an unpacked Manifest V3 extension with the default
//                            policy (run-extension.mjs loads it).
// Each bundle imports 'als-wasm/csp' (impl.mjs with ALS_ENTRY=csp, or itself).
//   node csp/build.mjs
import * as esbuild from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { html } from '../bundlers/page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');

// Left to run time: node:* (impl.mjs's branch for Node), and the bundles that
// pages import as files of their own.
const external = {
  name: 'external',
  setup(build) {
    build.onResolve({ filter: /^node:|^\.\/(refused|flows)\.js$/ }, ({ path }) => ({ path, external: true }));
  },
};

async function bundle(outDir, entries, format = 'esm') {
  await esbuild.build({
    entryPoints: Object.fromEntries(entries.map(([name, file]) => [name, join(here, file)])),
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format,
    target: 'esnext',
    logLevel: 'warning',
    plugins: [external],
  });
}

const page = (title, run) => html(`als-wasm under script-src 'self': ${title}`,
  `<body data-run="${run}">\n<pre id="out"></pre>\n<script type="module" src="page.js"></script>\n</body>`);

const site = join(root, '.bundled/csp');
await rm(site, { recursive: true, force: true });
await mkdir(site, { recursive: true });
await bundle(site, [
  ['cases', 'cases-entry.mjs'],
  ['fresh', '../suites/fresh-all.mjs'],
  ['worker', 'worker-entry.mjs'],
  ['refused', 'refused-entry.mjs'],
  ['refused-check', 'refused-check.mjs'],
  ['flows', 'flows.mjs'],
]);
// Service workers take no top-level await and, in some browsers, no modules.
await bundle(site, [['sw', 'sw-entry.mjs']], 'iife');
await copyFile(join(here, 'page.js'), join(site, 'page.js'));
await copyFile(join(here, 'data.json'), join(site, 'data.json'));
const pages = {
  'index.html': ['the cases', 'cases'],
  'fresh.html': ['the fresh-realm cases', 'fresh'],
  'worker.html': ['the cases in a dedicated worker', 'worker'],
  'service-worker.html': ['a service worker', 'service-worker'],
  'refused.html': ['the default entry', 'refused'],
};
for (const [file, [title, run]] of Object.entries(pages)) await writeFile(join(site, file), page(title, run));

const extension = join(root, '.bundled/csp-extension');
await rm(extension, { recursive: true, force: true });
await mkdir(extension, { recursive: true });
await bundle(extension, [['background', 'extension-background.mjs']], 'iife');
await bundle(extension, [['page', 'extension-page.mjs'], ['refused', 'refused-entry.mjs']]);
await copyFile(join(here, 'data.json'), join(extension, 'data.json'));
// No content_security_policy: the Manifest V3 default, script-src 'self'.
await writeFile(join(extension, 'manifest.json'), `${JSON.stringify({
  manifest_version: 3,
  name: 'als-wasm under the Manifest V3 default policy',
  version: '1.0',
  background: { service_worker: 'background.js' },
  permissions: ['storage'],
}, null, 2)}\n`);
await writeFile(join(extension, 'page.html'), html('als-wasm in a Manifest V3 extension page',
  '<body>\n<pre id="out"></pre>\n<script type="module" src="page.js"></script>\n</body>'));
console.log('built .bundled/csp/ and .bundled/csp-extension/');
