// node integrations/sentry/build.mjs (from js-tests/): bundles the Sentry page
// (app.mjs) with esbuild, as a user's app, into
// js-tests/.bundled/integrations/sentry/<build>/ (ignored by git): once per
// strategy (strategies/*.mjs: als-wasm/sentry's, or Sentry's default stack),
// per pinned @sentry/browser (11.x here, the older majors in versions/<major>/),
// and with SENTRY_ERRORS for the uncaught-error flows. Checks what a page
// depends on: one copy of @sentry/core and of @sentry/browser, of the pinned
// version; als-wasm bundled only with its strategy. Hands the page the members
// of the pinned version's AsyncContextStrategy, read from its declarations.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { page } from '../../bundlers/page.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outRoot = here('../../.bundled/integrations/sentry/');

// major -> the folder whose node_modules holds that @sentry/browser.
const VERSIONS = { 11: here('./'), 10: here('./versions/10/'), 9: here('./versions/9/') };

export const BUILDS = [
  { name: 'ours', strategy: 'als-wasm', major: 11 },
  { name: 'stack', strategy: 'stack', major: 11 },
  { name: 'ours-v10', strategy: 'als-wasm', major: 10, installFirst: true },
  { name: 'stack-v10', strategy: 'stack', major: 10 },
  { name: 'ours-v9', strategy: 'als-wasm', major: 9, installFirst: true },
  { name: 'stack-v9', strategy: 'stack', major: 9 },
  // Uncaught errors reported by Sentry's global handlers, which the carrier
  // runs in the frame where the promise was rejected or the callback threw.
  { name: 'errors', strategy: 'als-wasm', major: 11, errors: true },
  { name: 'errors-stack', strategy: 'stack', major: 11, errors: true },
  // The same without Sentry's browserApiErrors integration, which reports a
  // timer callback's throw itself: here onerror reports it too.
  { name: 'errors-unwrapped', strategy: 'als-wasm', major: 11, errors: true, unwrapped: true },
];

const pkg = async (dir, name) => JSON.parse(await readFile(`${dir}node_modules/${name}/package.json`, 'utf8'));

// The members of AsyncContextStrategy in this @sentry/core's declarations.
async function shape(dir) {
  const types = await readFile(`${dir}node_modules/@sentry/core/build/types/asyncContext/types.d.ts`, 'utf8');
  const body = /export interface AsyncContextStrategy \{([\s\S]*?)\n\}/.exec(types)?.[1];
  if (!body) throw new Error('no AsyncContextStrategy interface in @sentry/core');
  const members = [...body.matchAll(/^ {4}(\w+)(\??):/gm)];
  return { required: members.filter((m) => !m[2]).map((m) => m[1]), all: members.map((m) => m[1]) };
}

// The page imports its strategy as 'sentry-strategy'; @sentry/browser and
// @sentry/core, from the app and from als-wasm alike, come from the pinned
// version's folder, as they would in an app that depends on that version.
const resolver = (strategy, dir) => ({
  name: 'sentry-page',
  setup(b) {
    b.onResolve({ filter: /^sentry-strategy$/ }, () => ({ path: here(`strategies/${strategy}.mjs`) }));
    b.onResolve({ filter: /^@sentry\/(browser|core)$/ }, (args) =>
      args.pluginData?.pinned ? undefined : b.resolve(args.path, { kind: args.kind, resolveDir: dir, pluginData: { pinned: true } }),
    );
  },
});

const inputs = (metafile, re) => new Set(Object.keys(metafile.inputs).map((p) => p.match(re)?.[1]).filter(Boolean));

async function one({ name, strategy, major, errors = false, unwrapped = false, installFirst = false }) {
  const dir = VERSIONS[major];
  const version = (await pkg(dir, '@sentry/browser')).version;
  const core = (await pkg(dir, '@sentry/core')).version;
  if (core !== version) throw new Error(`@sentry/core ${core} beside @sentry/browser ${version}`);
  const outdir = `${outRoot}${name}`;
  // Never a stale build: a failed one must show as an error.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const { metafile, outputFiles } = await build({
    entryPoints: { app: here('app.mjs') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'esnext',
    define: {
      SENTRY_BUILD: JSON.stringify(name),
      SENTRY_ISOLATED: JSON.stringify(strategy === 'als-wasm'),
      SENTRY_ERRORS: JSON.stringify(errors),
      SENTRY_UNWRAPPED: JSON.stringify(unwrapped),
      SENTRY_INSTALL_FIRST: JSON.stringify(installFirst),
      SENTRY_VERSION: JSON.stringify(version),
      SENTRY_SHAPE: JSON.stringify(await shape(dir)),
    },
    plugins: [resolver(strategy, dir)],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  for (const lib of ['@sentry/core', '@sentry/browser']) {
    const copies = inputs(metafile, new RegExp(`^(.*node_modules/${lib})/`));
    if (copies.size !== 1) throw new Error(`${copies.size} copies of ${lib}: ${[...copies].join(', ')}`);
    // The metafile's paths are relative to the working directory.
    const [copy] = copies;
    const pinned = relative(process.cwd(), `${dir}node_modules/${lib}`);
    if (copy !== pinned) throw new Error(`${lib} bundled from ${copy}, not ${pinned}`);
  }
  const ours = inputs(metafile, /node_modules\/(als-wasm)\//).size > 0;
  if (ours !== (strategy === 'als-wasm')) throw new Error(`als-wasm ${ours ? '' : 'not '}bundled`);
  for (const f of outputFiles) await writeFile(f.path, f.contents);
  await writeFile(`${outdir}/index.html`, page({ title: `Sentry: ${name}`, bundle: 'app.js', plugin: false }));
  const code = outputFiles.find((f) => f.path.endsWith('app.js'))?.text ?? '';
  console.log(`built .bundled/integrations/sentry/${name}/ (@sentry/browser ${version}, app.js ${Math.round(code.length / 1024)} KiB)`);
}

let failed = 0;
for (const b of BUILDS) {
  try {
    await one(b);
  } catch (e) {
    failed++;
    console.log(`FAIL building .bundled/integrations/sentry/${b.name}/: ${e?.stack ?? e}`);
  }
}
process.exitCode = failed ? 1 : 0;
