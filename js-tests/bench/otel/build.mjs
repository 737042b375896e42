// node bench/otel/build.mjs: bundles the OpenTelemetry setups the bench
// compares (entries/*.mjs) with esbuild into js-tests/.bundled/otel-bench/
// (ignored by git, served to the bench page): <setup>.browser.mjs for the
// browsers, <setup>.node.mjs for Node and Deno, <setup>.bun.mjs for Bun
// (the `bun` condition: als-wasm's Bun entry). OpenTelemetry and zone.js come
// from js-tests/otel/node_modules (the 2.x web line, API 1.9), als-wasm from
// js-tests/node_modules (the packed tarball). Each bundle must hold exactly
// one copy of @opentelemetry/api, or the manager and the tracer would not
// share it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SETUPS } from './impls.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outDir = here('../../.bundled/otel-bench/');
const otelDir = here('../../otel');

// OpenTelemetry's packages and zone.js imported from outside js-tests/otel
// (our entries, als-wasm's manager) resolve there: js-tests has API 1.10 of
// its own, which the 2.x SDK does not accept.
const fromOtel = {
  name: 'from-js-tests-otel',
  setup(b) {
    b.onResolve({ filter: /^(@opentelemetry\/|zone\.js($|\/))/ }, (args) => {
      // Imports within js-tests/otel, and this plugin's own lookup, resolve as usual.
      if (args.pluginData === fromOtel || args.resolveDir === otelDir || args.resolveDir.startsWith(`${otelDir}/`)) return undefined;
      return b.resolve(args.path, { kind: args.kind, resolveDir: otelDir, pluginData: fromOtel });
    });
  },
};

const apiCopies = (metafile) => new Set(Object.keys(metafile.inputs)
  .map((p) => p.match(/^(.*node_modules\/@opentelemetry\/api)\//)?.[1]).filter(Boolean));

export async function buildOtel() {
  // Never a stale build: after a failed one, the setups it did not reach
  // must show as errors too.
  await rm(outDir, { recursive: true, force: true });
  for (const [target, setups] of Object.entries(SETUPS)) {
    for (const setup of setups) {
      const outfile = `${outDir}${setup}.${target}.mjs`;
      const server = target !== 'browser';
      const { metafile } = await build({
        entryPoints: [here(`entries/${setup}.mjs`)],
        outfile,
        bundle: true,
        format: 'esm',
        platform: server ? 'node' : 'browser',
        conditions: target === 'bun' ? ['bun'] : [],
        // als-wasm's Node build is CommonJS that require()s node:async_hooks.
        banner: server ? { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } : {},
        plugins: [fromOtel],
        metafile: true,
        logLevel: 'warning',
      });
      const copies = apiCopies(metafile);
      if (copies.size !== 1) throw new Error(`${outfile}: ${copies.size} copies of @opentelemetry/api: ${[...copies].join(', ')}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildOtel();
