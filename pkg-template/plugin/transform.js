// The rewrite als-wasm/plugin applies to one module (docs/plugin.md), made in
// Rust on oxc's parser (transform/, compiled to als_wasm_transform_bg.wasm
// beside this file): JS, JSX and TypeScript, as esbuild hands plugins the
// source before it compiles it. Only these change (transform/src/lib.rs):
// an async function's body, awaits and catch and finally blocks, bracketed
// in place (`__als_begin`, `__als_suspend`, `__als_resumed`, `__als_caught`,
// `__als_done`), any other await as `__als_resume(await __als_awaited( x))`,
// the operands of `for await` and of an async generator's `yield*` as
// `__als_iterated((y))`, and of its `yield` as `__als_yielded((y))`,
// and with the await hook off the receiver of a then, catch or finally call
// as `__als_then((x)).then(…)` (the carrier leaves the engine's own then
// there: runtime.js),
// plus one import of the helpers (a require() in a CommonJS file), after the
// module's own imports and on a line of existing code, so that no line moves
// (transform/src/preamble.rs). A module with nothing to rewrite comes back
// as null: byte-identical. Here: the checks that need no parse, and the
// source map around the mappings the wasm computes.
import { readFileSync } from 'node:fs';
import { dropInstance, initSync, markGlobalReads, rewriteAwaits } from './als_wasm_transform.js';

export const RUNTIME = 'als-wasm/plugin/runtime';

// Compiled on the first module that needs it: a build with nothing to
// rewrite never pays for it. Read from the file next to this one, which
// Node, Deno, Bun and WebContainers all can do synchronously.
let compiled = null;
let ready = false;
// The code goes in as UTF-8 bytes, encoded natively (transform/src/wasm.rs).
const utf8 = new TextEncoder();

// fn(), with the wasm instantiated. A throw out of the wasm (the host's stack
// ran out in a module nested too deep, or a trap) leaves the instance's own
// stack where it was: the next call gets a new instance, and this module is
// left as it is, with the plugin's warning, like one that does not parse.
function withWasm(fn) {
  if (!ready) {
    compiled ??= new WebAssembly.Module(readFileSync(new URL('./als_wasm_transform_bg.wasm', import.meta.url)));
    initSync({ module: compiled });
    ready = true;
  }
  try {
    return fn();
  } catch (cause) {
    dropInstance();
    ready = false;
    const error = new Error(`the transform stopped: ${cause?.message ?? cause}`, { cause });
    error.leaveAsIs = true;
    throw error;
  }
}

// The language of a module id: its extension, its query stripped, unless the
// query names the language, as Vite's `?lang.ts` does. JS includes JSX.
export function languageOf(id) {
  const named = id.includes('lang.') ? id.replace(/^.*[?&]lang\./, 'x.') : id;
  const ext = /\.([cm]?[jt]sx?)(?:$|[?#])/.exec(named)?.[1] ?? 'js';
  if (ext.endsWith('tsx')) return 'tsx';
  if (ext.endsWith('ts')) return 'ts';
  return 'js';
}

// A then, catch or finally member (`.then`, `?.catch`, `['finally'`, a
// comment between): a textual check, before the parse that finds the calls.
export const REACTION = /(?:\.|\[\s*['"`])\s*(?:\/\*[^]*?\*\/\s*)*(?:then|catch|finally)\b/;

// Where the code has nothing that the rewrite could touch; `reactions`:
// then, catch and finally calls are rewritten too.
export function untouched(code, reactions = false) {
  return !code.includes('await') && !code.includes('yield') && !(reactions && REACTION.test(code));
}

// The v3 source map of an edit of `code`, as magic-string's generateMap
// gave it (`toString()` is its JSON).
export class SourceMap {
  constructor(id, code, mappings) {
    this.version = 3;
    this.sources = [id.replaceAll('\\', '/')];
    this.sourcesContent = [code];
    this.names = [];
    this.mappings = mappings;
  }

  toString() {
    return JSON.stringify(this);
  }
}

// The wasm's answer ([] unchanged, ['ok', code, mappings], ['error',
// message, line, column]) as the plugin hands it on: null, { code, map },
// or a thrown SyntaxError with Babel's `loc` ({ line, column }, 1-based line,
// column in UTF-16 units).
export function answer(out, code, id, sourcemap = true) {
  if (out.length === 0) return null;
  if (out[0] === 'ok') return { code: out[1], map: sourcemap ? new SourceMap(id, code, out[2]) : null };
  const [, message, line, column] = out;
  const loc = line === '' ? undefined : { line: Number(line), column: Number(column) };
  const error = new SyntaxError(loc ? `${message} (${loc.line}:${loc.column})` : message);
  error.loc = loc;
  throw error;
}

// { code, map } for `code`, or null when nothing needs rewriting; `map` is
// null when `sourcemap` is false (the bundler will not read it). Throws a
// SyntaxError (with `loc`) on code it cannot parse, and an error with
// `leaveAsIs` on code nested too deep for it. With `awaitHook: false` then,
// catch and finally calls are rewritten too.
export function transformAwaits(code, id, { runtime = RUNTIME, sourcemap = true, awaitHook = true } = {}) {
  const literal = JSON.stringify(runtime);
  const reactions = awaitHook === false;
  // Nothing to rewrite, or rewritten already (a second pass would be right,
  // only slower).
  if (untouched(code, reactions) || code.includes(literal)) return null;
  const out = withWasm(() => rewriteAwaits(utf8.encode(code), languageOf(id), literal, sourcemap, reactions));
  return answer(out, code, id, sourcemap);
}

// markGlobalReads (global-reads.js) without its checks: the wasm's answer,
// [] when nothing is marked or the code does not parse (or nests too deep).
export function markReads(code, id, note, sourcemap = true) {
  try {
    return withWasm(() => markGlobalReads(utf8.encode(code), languageOf(id), note, sourcemap));
  } catch (error) {
    if (error.leaveAsIs) return [];
    throw error;
  }
}
