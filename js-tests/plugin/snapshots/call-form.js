import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await(x) written like a call.
export default async function main() {const __als_t = __als_begin(); try {
  const a = __als_resumed(__als_t, await __als_suspend(__als_t,(1)));
  const b = __als_resumed(__als_t, await __als_suspend(__als_t,(Promise.resolve(2)))) + __als_resumed(__als_t, await __als_suspend(__als_t, (3)));
  return [a, b];
} finally { __als_done(__als_t); }}
