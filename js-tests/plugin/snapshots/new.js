import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// new (await f())(): the awaited constructor, and an awaited argument.
class Thing { constructor(v) { this.v = v; } }
async function factory() { return Thing; }

export default async function main() {const __als_t = __als_begin(); try {
  const a = new (__als_resumed(__als_t, await __als_suspend(__als_t, factory())))('a');
  const b = new (__als_resumed(__als_t, await __als_suspend(__als_t, Promise.resolve(Thing))))(__als_resumed(__als_t, await __als_suspend(__als_t, 'b')));
  return [a.v, b.v, a instanceof Thing];
} finally { __als_done(__als_t); }}
