import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in async object methods (plain, computed, nested).
const api = {
  base: 10,
  async add(v) { return this.base + __als_resume(await __als_awaited( v)); },
  async ['computed'](v) { return __als_resume(await __als_awaited( this.add(v))); },
  nested: { async deep() { return __als_resume(await __als_awaited( 'deep')); } },
};

export default async function main() {
  return [__als_resume(await __als_awaited( api.add(1))), __als_resume(await __als_awaited( api.computed(2))), __als_resume(await __als_awaited( api.nested.deep()))];
}
