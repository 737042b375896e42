import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await in conditional and logical expressions (some operands not evaluated).
export default async function main() {const __als_t = __als_begin(); try {
  const flag = __als_resumed(__als_t, await __als_suspend(__als_t, true)) ? __als_resumed(__als_t, await __als_suspend(__als_t, 'yes')) : __als_resumed(__als_t, await __als_suspend(__als_t, 'no'));
  const or = (__als_resumed(__als_t, await __als_suspend(__als_t, 0))) || __als_resumed(__als_t, await __als_suspend(__als_t, 'or'));
  const and = __als_resumed(__als_t, await __als_suspend(__als_t, 1)) && __als_resumed(__als_t, await __als_suspend(__als_t, 'and'));
  const nullish = (__als_resumed(__als_t, await __als_suspend(__als_t, null))) ?? __als_resumed(__als_t, await __als_suspend(__als_t, 'nullish'));
  let assigned = null;
  assigned ??= __als_resumed(__als_t, await __als_suspend(__als_t, 'assigned'));
  return [flag, or, and, nullish, assigned];
} finally { __als_done(__als_t); }}
