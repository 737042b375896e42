// Whether the patch carrier hooks every `await` of the realm (promise.js).
// als-wasm/plugin with `packages: true, awaitHook: false` builds this module
// with `false`: every module of that bundle has its awaits rewritten, so no
// await needs the hook, and engines keep their fast `await` for all code
// (docs/plugin.md). Its one line is what the plugin replaces.
export const AWAIT_HOOK = true;
