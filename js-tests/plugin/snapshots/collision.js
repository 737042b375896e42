import { begin as __als2_begin, suspend as __als2_suspend, resumed as __als2_resumed, done as __als2_done } from "als-wasm/plugin/runtime";// The module already uses names starting with __als_ and __als1_: the
// helpers' names must not collide with them.
const __als_resume = (v) => `user:${v}`;
const __als1_awaited = 1;

export default async function main() {const __als2_t = __als2_begin(); try {
  return [__als_resume(__als2_resumed(__als2_t, await __als2_suspend(__als2_t, 'v'))), __als1_awaited];
} finally { __als2_done(__als2_t); }}
