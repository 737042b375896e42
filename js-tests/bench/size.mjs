// node bench/size.mjs: what each implementation adds to a browser app, as a
// bundler ships it: esbuild bundles `als-wasm` (browser condition),
// `als-browser` and `zone.js` from node_modules; raw, minified, and the
// minified bundle gzipped (level 9). For als-wasm also the wasm's part (its
// module, wasm-bytes.js, which carries it as a string) and the wasm file
// itself. Prints one JSON line per entry.
// ESBUILD: the esbuild package directory.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const esbuild = createRequire(import.meta.url)(process.env.ESBUILD);
const dir = fileURLToPath(new URL('..', import.meta.url));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

const entries = [
  ['als-wasm', "export * from 'als-wasm';"],
  ['als-wasm/browser', "export * from 'als-wasm/browser';"],
  ['als-wasm/csp', "export * from 'als-wasm/csp';"],
  ['als-browser', "export * from 'als-browser';"],
  ['zone.js', "import 'zone.js';"],
];

for (const [name, contents] of entries) {
  const bundle = async (minify) => {
    const out = await esbuild.build({
      stdin: { contents, resolveDir: dir, loader: 'js' },
      bundle: true, format: 'esm', platform: 'browser', minify, write: false, logLevel: 'silent',
    });
    return out.outputFiles[0].contents;
  };
  const raw = await bundle(false);
  const min = await bundle(true);
  const row = { size: name, raw: raw.length, min: min.length, gz: gz(min) };
  if (name.startsWith('als-wasm')) {
    const wasm = readFileSync(`${dir}/node_modules/als-wasm/als_wasm_bg.wasm`);
    const module = readFileSync(`${dir}/node_modules/als-wasm/wasm-bytes.js`);
    Object.assign(row, { wasm: wasm.length, wasmGz: gz(wasm), wasmModuleGz: gz(module) });
  }
  console.log(JSON.stringify(row));
}
