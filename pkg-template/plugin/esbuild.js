// als-wasm/plugin for esbuild (also `als-wasm/plugin/esbuild`, which does
// not load unplugin), as esbuild's own plugin rather than through unplugin:
// unplugin's adapter reads each module with fs.promises and makes a plugin
// context for it, which cost esbuild a third of its build time with a plugin
// that changes nothing. Here each module is read once, synchronously, and
// handed back only when module-pass.js changed it; otherwise esbuild loads
// it itself.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { CODE_FILTER, modulePass } from './module-pass.js';

// esbuild's loader for a file it would load itself, by extension.
const LOADERS = { '.jsx': 'jsx', '.ts': 'ts', '.cts': 'ts', '.mts': 'ts', '.tsx': 'tsx' };

export function esbuildPlugin(options = {}) {
  const pass = modulePass(options);
  return {
    name: 'als-wasm',
    setup(build) {
      const { sourcemap, loader = {} } = build.initialOptions;
      build.onStart(pass.start);
      // Without `include`, esbuild itself skips every file that is no script.
      const filter = options.include === undefined ? /\.[cm]?[jt]sx?$/ : /.*/;
      build.onLoad({ filter, namespace: 'file' }, (args) => {
        const id = args.path + (args.suffix ?? '');
        if (!pass.includes(id)) return undefined;
        const code = readFileSync(args.path, 'utf8');
        if (!CODE_FILTER.test(code)) return undefined;
        const warnings = [];
        const out = pass.rewrite(code, id, { sourcemap: Boolean(sourcemap), warn: (text) => warnings.push({ text }) });
        if (out === null) return warnings.length > 0 ? { warnings } : undefined;
        const ext = extname(args.path).toLowerCase();
        return {
          contents: out.map ? `${out.code}\n//# sourceMappingURL=${dataUrl(out.map)}` : out.code,
          loader: loader[ext] ?? LOADERS[ext] ?? 'js',
          resolveDir: dirname(args.path),
          warnings,
        };
      });
    },
  };
}

// A source map inlined, as esbuild reads the map of an onLoad result.
const dataUrl = (map) => `data:application/json;charset=utf-8;base64,${Buffer.from(map.toString()).toString('base64')}`;

export default esbuildPlugin;
