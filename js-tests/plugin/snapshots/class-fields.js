import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await in async arrow functions held by class fields (public, static, private).
class Widget {
  label = 'w';
  load = async () => { const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, this.label)) } finally { __als_done(__als_t); } };
  static make = async () => { const __als_t = __als_begin(); try { return new Widget(__als_resumed(__als_t, await __als_suspend(__als_t, 0))) } finally { __als_done(__als_t); } };
  #secret = async (v) => { const __als_t = __als_begin(); try { return (__als_resumed(__als_t, await __als_suspend(__als_t, v))).toUpperCase() } finally { __als_done(__als_t); } };
  reveal(v) { return this.#secret(v); }
}

export default async function main() {const __als_t = __als_begin(); try {
  const w = __als_resumed(__als_t, await __als_suspend(__als_t, Widget.make()));
  return [__als_resumed(__als_t, await __als_suspend(__als_t, w.load())), __als_resumed(__als_t, await __als_suspend(__als_t, w.reveal('s')))];
} finally { __als_done(__als_t); }}
