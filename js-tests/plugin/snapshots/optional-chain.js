import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in optional chains.
export default async function main() {
  const o = { y: { z: () => 'z' } };
  return [(__als_resume(await __als_awaited( o)))?.y?.z(), (__als_resume(await __als_awaited( null)))?.y, __als_resume(await __als_awaited( o?.y?.z?.())), (__als_resume(await __als_awaited( undefined)))?.[0]];
}
