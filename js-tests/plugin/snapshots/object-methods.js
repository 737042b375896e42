import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await in async object methods (plain, computed, nested).
const api = {
  base: 10,
  async add(v) {const __als_t = __als_begin(); try { return this.base + __als_resumed(__als_t, await __als_suspend(__als_t, v)); } finally { __als_done(__als_t); }},
  async ['computed'](v) {const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, this.add(v))); } finally { __als_done(__als_t); }},
  nested: { async deep() {const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, 'deep')); } finally { __als_done(__als_t); }} },
};

export default async function main() {const __als_t = __als_begin(); try {
  return [__als_resumed(__als_t, await __als_suspend(__als_t, api.add(1))), __als_resumed(__als_t, await __als_suspend(__als_t, api.computed(2))), __als_resumed(__als_t, await __als_suspend(__als_t, api.nested.deep()))];
} finally { __als_done(__als_t); }}
