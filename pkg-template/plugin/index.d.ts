import type { UnpluginInstance } from 'unplugin';

export interface AlsWasmPluginOptions {
  /** Modules to rewrite (substrings or RegExps of the path); default: JS and TS modules outside node_modules. */
  include?: string | RegExp | Array<string | RegExp>;
  /** Modules never to rewrite, tested before `include`. */
  exclude?: string | RegExp | Array<string | RegExp>;
  /**
   * Packages in node_modules to rewrite as well, by name (e.g. ['@my/lib']), or
   * `true` for every package. A package left as it is whose code calls
   * enterWith, withScope or AsyncResource#bind after an await is named in a warning.
   */
  packages?: string[] | true;
  /**
   * `false` (with `packages: true` only): the bundle's browser carrier does not
   * hook every `await`, so that awaits outside any `run` keep the engine's fast
   * path. Awaits of code the bundle does not hold (a <script> of its own, eval)
   * then lose the store (docs/plugin.md).
   */
  awaitHook?: boolean;
  /** Module the rewritten code imports its helpers from; default 'als-wasm/plugin/runtime'. */
  runtime?: string;
}

export declare const unplugin: UnpluginInstance<AlsWasmPluginOptions | undefined, false>;
export declare const vite: UnpluginInstance<AlsWasmPluginOptions | undefined, false>['vite'];
export declare const rollup: UnpluginInstance<AlsWasmPluginOptions | undefined, false>['rollup'];
export declare const rolldown: UnpluginInstance<AlsWasmPluginOptions | undefined, false>['rolldown'];
export declare const esbuild: UnpluginInstance<AlsWasmPluginOptions | undefined, false>['esbuild'];
export declare const webpack: UnpluginInstance<AlsWasmPluginOptions | undefined, false>['webpack'];
export declare const rspack: UnpluginInstance<AlsWasmPluginOptions | undefined, false>['rspack'];
/** Whether the plugin rewrites the module `id` under these options. */
export declare function selects(id: string, options?: AlsWasmPluginOptions): boolean;
export default unplugin;
