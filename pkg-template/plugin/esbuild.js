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
import { modulePass, SCRIPT } from './module-pass.js';

// The loader of a file esbuild would load itself, by extension, as
// unplugin's adapter guessed it (what `include` may add beyond scripts too).
const LOADERS = {
  '.jsx': 'jsx', '.ts': 'ts', '.cts': 'ts', '.mts': 'ts', '.tsx': 'tsx', '.json': 'json', '.css': 'css', '.txt': 'text',
};

// The loader of a path under the build's own `loader` option: its longest
// matching key (`.module.css` over `.css`), else the extension's. The keys
// are sorted once per build.
function loaderFor(loader) {
  const keys = Object.keys(loader).sort((a, b) => b.length - a.length);
  return (path) => {
    const key = keys.find((k) => path.endsWith(k));
    return key !== undefined ? loader[key] : (LOADERS[extname(path).toLowerCase()] ?? 'js');
  };
}

// The module's text, or null where there is no file to read: another
// plugin's virtual module in the file namespace, which that plugin loads.
function readModule(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error?.code === 'ENOENT' || error?.code === 'EISDIR' || error?.code === 'ENOTDIR') return null;
    throw error;
  }
}

export function esbuildPlugin(options = {}) {
  const pass = modulePass(options);
  return {
    name: 'als-wasm',
    setup(build) {
      const { sourcemap, loader = {} } = build.initialOptions;
      const loaderOf = loaderFor(loader);
      build.onStart(pass.start);
      // Without `include`, esbuild itself skips every file that is no script.
      // Only the file namespace: other namespaces are other plugins' modules.
      const filter = options.include === undefined ? SCRIPT : /.*/;
      build.onLoad({ filter, namespace: 'file' }, (args) => {
        const id = args.path + (args.suffix ?? '');
        if (!pass.includes(id)) return undefined;
        const code = readModule(args.path);
        if (code === null || !pass.codeFilter.test(code)) return undefined;
        const warnings = [];
        const out = pass.rewrite(code, id, { sourcemap: Boolean(sourcemap), warn: (text) => warnings.push({ text }) });
        if (out === null) return warnings.length > 0 ? { warnings } : undefined;
        return {
          contents: out.map ? `${out.code}\n//# sourceMappingURL=${dataUrl(out.map)}` : out.code,
          loader: loaderOf(args.path),
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
