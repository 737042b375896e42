// Run by `als-wasm/global` once it has installed the global: a library that
// read globalThis.AsyncLocalStorage while its module was evaluated, before
// this import, kept its own fallback and never sees ours. als-wasm/plugin
// leaves a note where such a read happens (plugin/global-reads.js); here the
// notes become one warning that says what to do.
const EARLY_READS = Symbol.for('als-wasm.early-reads');

export function warnEarlyReads(global = globalThis) {
  const packages = [...new Set(global[EARLY_READS] ?? [])];
  delete global[EARLY_READS];
  if (packages.length === 0) return;
  const names = packages.join(', ');
  console.warn(
    `[als-wasm] ${names} read globalThis.AsyncLocalStorage before 'als-wasm/global' was imported, so ${packages.length > 1 ? 'they keep their' : 'it keeps its'} ` +
      "own AsyncLocalStorage, which loses the store at the first await. Make `import 'als-wasm/global'` the first import of your entry module, " +
      `before any import that leads to ${names} (or alias node:async_hooks to als-wasm/async_hooks).`,
  );
}
