import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await (a, b): the whole sequence is the operand.
export default async function main() {
  let n = 0;
  const v = __als_resume(await __als_awaited( (n++, n + 10)));
  const w = __als_resume(await __als_awaited( (0, Promise.resolve('last'))));
  return [n, v, w];
}
