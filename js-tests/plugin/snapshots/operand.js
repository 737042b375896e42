import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await as the operand of other expressions.
const plusOne = (v) => v + 1;

export default async function main() {
  const sum = (__als_resume(await __als_awaited( 2))) * 3 + __als_resume(await __als_awaited( 4));
  const negated = -__als_resume(await __als_awaited( 1));
  const literal = [__als_resume(await __als_awaited( 'x')), { k: __als_resume(await __als_awaited( 'y')), [__als_resume(await __als_awaited( 'key'))]: 1 }, ...__als_resume(await __als_awaited( Promise.resolve([8, 9])))];
  const type = typeof __als_resume(await __als_awaited( null));
  let assigned;
  assigned = __als_resume(await __als_awaited( 'set'));
  return [sum, negated, literal, type, plusOne(__als_resume(await __als_awaited( 7))), assigned];
}
