// als-wasm/plugin: one plugin for Vite, Rollup, esbuild and webpack (and the
// other bundlers unplugin serves) that rewrites every `await` of the app's
// own modules so that the patch carrier hooks it: `await 5`, thenables and
// zone.js promises keep the store in browsers (transform.js;
// docs/plugin.md). Build time only: what the rewritten code
// calls is plugin/runtime.js.
import { createUnplugin } from 'unplugin';
import { RUNTIME } from './transform.js';
import { modulePass } from './module-pass.js';
import { esbuildPlugin } from './esbuild.js';

export { entersAfterAwait, selects } from './module-pass.js';

// Whether the bundler reads the source map of this transform: a build
// without source maps skips making them (a third of the transform's work,
// and esbuild gets the map inlined as base64 with the whole source in it).
// webpack tells per module, Vite's build by its config
// (vite.configResolved); Rollup cannot tell before it writes, and Vite's dev
// server always reads them (esbuild: esbuild.js).
function wantsSourcemap(context, vite) {
  const native = context.getNativeBuildContext?.();
  if (native?.framework === 'webpack' || native?.framework === 'rspack') return native.loaderContext?.sourceMap !== false;
  return vite.sourcemap;
}

const base = createUnplugin((options = {}) => {
  const pass = modulePass(options);
  // Set by Vite once its config is resolved; true everywhere else.
  const vite = { sourcemap: true };
  return {
    name: 'als-wasm',
    // Vite's dev server would find the helpers' import only in rewritten
    // modules, after its first dependency scan, and reload the page.
    vite: {
      config: () => ({ optimizeDeps: { include: [options.runtime ?? RUNTIME] } }),
      configResolved(config) {
        vite.sourcemap = config.command === 'serve' || Boolean(config.build?.sourcemap);
      },
    },
    buildStart: pass.start,
    transformInclude: pass.includes,
    transform: {
      // Vite and Rolldown check this natively and call no JS for the rest.
      filter: { code: pass.codeFilter },
      handler(code, id) {
        return pass.rewrite(code, id, { sourcemap: wantsSourcemap(this, vite), warn: (text) => this.warn?.(text) });
      },
    },
  };
});

// unplugin's adapters, but esbuild's own plugin (esbuild.js): unplugin's
// esbuild adapter reads every module asynchronously and makes a plugin
// context per module, which cost a third of esbuild's build time on its own.
export const unplugin = { ...base, esbuild: esbuildPlugin };

export const vite = unplugin.vite;
export const rollup = unplugin.rollup;
export const rolldown = unplugin.rolldown;
export const esbuild = unplugin.esbuild;
export const webpack = unplugin.webpack;
export const rspack = unplugin.rspack;
export default unplugin;
