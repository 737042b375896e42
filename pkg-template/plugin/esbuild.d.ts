import type { Plugin } from 'esbuild';
import type { AlsWasmPluginOptions } from './index.js';

/** als-wasm/plugin for esbuild, without loading unplugin: `plugins: [alsWasm()]`. */
export declare function esbuildPlugin(options?: AlsWasmPluginOptions): Plugin;
export default esbuildPlugin;
