// node langgraph/build.mjs (from www/; `cargo xtask demo` runs it): bundles
// the page with esbuild, as a LangGraph app for browsers is built, into
// build/ (ignored by git), once per variant:
//   als-wasm.js            main.js, with als-wasm/plugin over LangChain's and
//                          LangGraph's code: their `await`s of plain values
//                          are followed too, so OpenTelemetry's context (which
//                          LangChain does not re-enter, unlike its own) keeps;
//   als-wasm-no-plugin.js  main.js as it is (?plugin=off): getConfig() and
//                          interrupt() work, spans in the nodes lose their parent;
//   control.js             control.js, no als-wasm (?als=off).
import alsWasm from 'als-wasm/plugin';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const VARIANTS = [
  { out: 'als-wasm', entry: 'main.js', plugins: [alsWasm.esbuild({ packages: ['@langchain/core', '@langchain/langgraph'] })] },
  { out: 'als-wasm-no-plugin', entry: 'main.js', plugins: [] },
  { out: 'control', entry: 'control.js', plugins: [] },
];

for (const { out, entry, plugins } of VARIANTS) {
  await build({
    entryPoints: [here(entry)],
    outfile: here(`build/${out}.js`),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { DEMO_BUILD: JSON.stringify(out) },
    plugins,
    logLevel: 'warning',
  });
}
