import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in async arrow functions held by class fields (public, static, private).
class Widget {
  label = 'w';
  load = async () => __als_resume(await __als_awaited( this.label));
  static make = async () => new Widget(__als_resume(await __als_awaited( 0)));
  #secret = async (v) => (__als_resume(await __als_awaited( v))).toUpperCase();
  reveal(v) { return this.#secret(v); }
}

export default async function main() {
  const w = __als_resume(await __als_awaited( Widget.make()));
  return [__als_resume(await __als_awaited( w.load())), __als_resume(await __als_awaited( w.reveal('s')))];
}
