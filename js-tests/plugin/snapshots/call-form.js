import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await(x) written like a call.
export default async function main() {
  const a = __als_resume(await __als_awaited((1)));
  const b = __als_resume(await __als_awaited((Promise.resolve(2)))) + __als_resume(await __als_awaited( (3)));
  return [a, b];
}
