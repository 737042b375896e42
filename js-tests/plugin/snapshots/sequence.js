import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await (a, b): the whole sequence is the operand.
export default async function main() {const __als_t = __als_begin(); try {
  let n = 0;
  const v = __als_resumed(__als_t, await __als_suspend(__als_t, (n++, n + 10)));
  const w = __als_resumed(__als_t, await __als_suspend(__als_t, (0, Promise.resolve('last'))));
  return [n, v, w];
} finally { __als_done(__als_t); }}
