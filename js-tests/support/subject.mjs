// The implementation under test: real Node (ALS_IMPL=node), als-wasm with the
// patch carrier forced (ALS_ENTRY=browser, i.e. 'als-wasm/browser'), the
// runtime-detecting index.js by path, as a Deno local path or an unknown host
// gets it (ALS_ENTRY=detect), the same with the Rust compiled to JavaScript
// (ALS_ENTRY=csp: csp.js by path, which is what a page's bundle makes of
// 'als-wasm/csp'; the other entries then find that engine started), or the
// package's entry for this host (the native carrier on Node, Deno and Bun).
// In a page, the runner's page may set globalThis.__alsTestEnv instead; it
// comes first, since Vite's build replaces `process.env` with `{}` in the
// code it bundles (js-tests/bundlers/).
const env = globalThis.__alsTestEnv ?? globalThis.process?.env ?? {};
export const isNode = env.ALS_IMPL === 'node';
// ALS_ENTRY: which entry of the package (see above); undefined for the host's.
export const entry = env.ALS_ENTRY;
// ALS_PLUGIN=1: this code was rewritten by als-wasm/plugin (a bundled test
// app), which makes the patch carrier follow `await 5` and thenables too.
export const plugin = env.ALS_PLUGIN === '1';

const mod = isNode
  ? await import('node:async_hooks')
  : env.ALS_ENTRY === 'browser'
    ? await import('als-wasm/browser')
    : env.ALS_ENTRY === 'detect'
      ? await import('../node_modules/als-wasm/index.js')
      : env.ALS_ENTRY === 'csp'
        ? await import('../node_modules/als-wasm/csp.js')
        : await import('als-wasm');

// Entries found by path: the runtime-detecting ones, after csp.js or not.
const byPath = env.ALS_ENTRY === 'detect' || env.ALS_ENTRY === 'csp';

export const { AsyncLocalStorage, AsyncResource } = mod;

// Which engine runs the package's Rust ('wasm' or 'js'); null for the host's own.
export const engine = isNode ? null : mod.engine;

// TC39's AsyncContext over the same frames (als-wasm/async-context), through
// the same kind of entry; null for the host's own, as no host ships
// AsyncContext.
export const AsyncContext = isNode
  ? null
  : (env.ALS_ENTRY === 'browser'
      ? await import('als-wasm/async-context/browser')
      : byPath
        ? await import('../node_modules/als-wasm/async-context/index.js')
        : await import('als-wasm/async-context')
    ).AsyncContext;

// 'host' for the host's own AsyncLocalStorage, else als-wasm's carrier.
export const carrier = isNode ? 'host' : mod.carrier;

// Whether context follows every async hop, `await 5` and thenables included
// (the host's own ALS, and als-wasm on it); the patch carrier loses those
// unless the plugin rewrote the code.
export const exact = carrier !== 'patch' || plugin;

// A bundle rewritten whole with the plugin's `awaitHook: false`: the patch
// carrier leaves Promise.prototype.then to the engine, and only the bundle's
// own method calls of then, catch and finally keep their callbacks' flow; a
// then called otherwise (`then.call(p, f)`) runs its callback with no store.
export const thenLeftToEngine =
  carrier === 'patch' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(Promise.prototype.then));

// The OpenTelemetry ContextManager class (als-wasm/opentelemetry) through the
// same kind of entry, with the @opentelemetry/api it uses (the cases need its
// ROOT_CONTEXT). For the host's own (ALS_IMPL=node), OpenTelemetry's own
// AsyncLocalStorageContextManager from js-tests/otel, with that project's
// API: the cases encode OTel's manager. Loaded on first use, as only the
// otel cases need it.
let openTelemetryLoaded;
export function openTelemetry() {
  openTelemetryLoaded ??= loadOpenTelemetry();
  return openTelemetryLoaded;
}

async function loadOpenTelemetry() {
  if (isNode) {
    const { createRequire } = await import('node:module');
    const requireOtel = createRequire(import.meta.url);
    const { AsyncLocalStorageContextManager } = requireOtel('../otel/node_modules/@opentelemetry/context-async-hooks');
    return { AsyncLocalStorageContextManager, api: requireOtel('../otel/node_modules/@opentelemetry/api') };
  }
  const [{ AsyncLocalStorageContextManager }, api] = await Promise.all([
    env.ALS_ENTRY === 'browser'
      ? import('als-wasm/opentelemetry/browser')
      : byPath
        ? import('../node_modules/als-wasm/opentelemetry/index.js')
        : import('als-wasm/opentelemetry'),
    import('@opentelemetry/api'),
  ]);
  return { AsyncLocalStorageContextManager, api };
}

// A second copy of the package (installed as 'als-wasm-copy'), through the
// same entry; null for the host's own AsyncLocalStorage.
export function importCopy() {
  if (isNode) return null;
  if (env.ALS_ENTRY === 'browser') return import('als-wasm-copy/browser');
  if (env.ALS_ENTRY === 'detect') return import('../node_modules/als-wasm-copy/index.js');
  // Under a policy that forbids WebAssembly, each copy needs its own csp.js first.
  if (env.ALS_ENTRY === 'csp') return import('../node_modules/als-wasm-copy/csp.js');
  return import('als-wasm-copy');
}
