import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in conditional and logical expressions (some operands not evaluated).
export default async function main() {
  const flag = __als_resume(await __als_awaited( true)) ? __als_resume(await __als_awaited( 'yes')) : __als_resume(await __als_awaited( 'no'));
  const or = (__als_resume(await __als_awaited( 0))) || __als_resume(await __als_awaited( 'or'));
  const and = __als_resume(await __als_awaited( 1)) && __als_resume(await __als_awaited( 'and'));
  const nullish = (__als_resume(await __als_awaited( null))) ?? __als_resume(await __als_awaited( 'nullish'));
  let assigned = null;
  assigned ??= __als_resume(await __als_awaited( 'assigned'));
  return [flag, or, and, nullish, assigned];
}
