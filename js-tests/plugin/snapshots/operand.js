import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await as the operand of other expressions.
const plusOne = (v) => v + 1;

export default async function main() {const __als_t = __als_begin(); try {
  const sum = (__als_resumed(__als_t, await __als_suspend(__als_t, 2))) * 3 + __als_resumed(__als_t, await __als_suspend(__als_t, 4));
  const negated = -__als_resumed(__als_t, await __als_suspend(__als_t, 1));
  const literal = [__als_resumed(__als_t, await __als_suspend(__als_t, 'x')), { k: __als_resumed(__als_t, await __als_suspend(__als_t, 'y')), [__als_resumed(__als_t, await __als_suspend(__als_t, 'key'))]: 1 }, ...__als_resumed(__als_t, await __als_suspend(__als_t, Promise.resolve([8, 9])))];
  const type = typeof __als_resumed(__als_t, await __als_suspend(__als_t, null));
  let assigned;
  assigned = __als_resumed(__als_t, await __als_suspend(__als_t, 'set'));
  return [sum, negated, literal, type, plusOne(__als_resumed(__als_t, await __als_suspend(__als_t, 7))), assigned];
} finally { __als_done(__als_t); }}
