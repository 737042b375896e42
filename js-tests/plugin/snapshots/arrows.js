import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await in async arrow functions: expression bodies, block bodies, callbacks.
const twice = async (v) => { const __als_t = __als_begin(); try { return (__als_resumed(__als_t, await __als_suspend(__als_t, v))) * 2 } finally { __als_done(__als_t); } };
const id = async v => { const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, v)) } finally { __als_done(__als_t); } };
const block = async () => {const __als_t = __als_begin(); try { const r = __als_resumed(__als_t, await __als_suspend(__als_t, id(3))); return r; } finally { __als_done(__als_t); }};

export default async () => { const __als_t = __als_begin(); try { return [
  __als_resumed(__als_t, await __als_suspend(__als_t, twice(4))),
  __als_resumed(__als_t, await __als_suspend(__als_t, id('v'))),
  __als_resumed(__als_t, await __als_suspend(__als_t, block())),
  __als_resumed(__als_t, await __als_suspend(__als_t, [1, 2].reduce(async (acc, v) => { const __als_t = __als_begin(); try { return (__als_resumed(__als_t, await __als_suspend(__als_t, acc))) + v } finally { __als_done(__als_t); } }, 0))),
] } finally { __als_done(__als_t); } };
