import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await await x: each level its own await.
const inner = { then(resolve) { resolve(Promise.resolve('deep')); } };

export default async function main() {
  const a = __als_resume(await __als_awaited( __als_resume(await __als_awaited( Promise.resolve(1)))));
  const b = __als_resume(await __als_awaited( __als_resume(await __als_awaited( __als_resume(await __als_awaited( inner))))));
  const c = __als_resume(await __als_awaited( (__als_resume(await __als_awaited( Promise.resolve(Promise.resolve('c')))))));
  return [a, b, c];
}
