// Libraries that read globalThis.AsyncLocalStorage once, when their module is
// evaluated (unenv's `globalThis.AsyncLocalStorage || fallback`), keep their
// own fallback for good if that happens before `import 'als-wasm/global'`,
// and nothing at run time can see such a read. So the plugin marks each such
// read in a package: right before the statement that reads, a note that the
// global was still missing then; als-wasm/global (global-check.js) prints
// what to do when it finds a note. Reads inside functions happen later (unctx
// reads at createContext) and are left alone, but for a function called
// where it is written. Not seen: a bare `AsyncLocalStorage` (the global as a
// name), and reads through an alias of the global object.
// Which statements read is decided in Rust (transform/src/global_reads.rs),
// on the same parse as the rewrite.
import { answer, markReads } from './transform.js';

export const EARLY_READS = 'als-wasm.early-reads';

// { code, map } with a note before each top-level statement of `code` that
// reads the global at evaluation, or null when there is none (or the code
// does not parse: the bundler reports that itself); `map` is null when
// `sourcemap` is false.
export function markGlobalReads(code, id, pkg, { sourcemap = true } = {}) {
  if (!code.includes('AsyncLocalStorage')) return null;
  const key = `Symbol.for(${JSON.stringify(EARLY_READS)})`;
  const note = `if(globalThis.AsyncLocalStorage===void 0)(globalThis[${key}]||(globalThis[${key}]=[])).push(${JSON.stringify(pkg)});`;
  return answer(markReads(code, id, note, sourcemap), code, id, sourcemap);
}
