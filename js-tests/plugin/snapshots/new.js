import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// new (await f())(): the awaited constructor, and an awaited argument.
class Thing { constructor(v) { this.v = v; } }
async function factory() { return Thing; }

export default async function main() {
  const a = new (__als_resume(await __als_awaited( factory())))('a');
  const b = new (__als_resume(await __als_awaited( Promise.resolve(Thing))))(__als_resume(await __als_awaited( 'b')));
  return [a.v, b.v, a instanceof Thing];
}
