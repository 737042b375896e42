import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await in optional chains.
export default async function main() {const __als_t = __als_begin(); try {
  const o = { y: { z: () => 'z' } };
  return [(__als_resumed(__als_t, await __als_suspend(__als_t, o)))?.y?.z(), (__als_resumed(__als_t, await __als_suspend(__als_t, null)))?.y, __als_resumed(__als_t, await __als_suspend(__als_t, o?.y?.z?.())), (__als_resumed(__als_t, await __als_suspend(__als_t, undefined)))?.[0]];
} finally { __als_done(__als_t); }}
