import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await in async arrows that are default parameter values, and in
// destructuring defaults (await in a parameter list itself is a SyntaxError).
async function load(fetcher = async () => { const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, 'default')) } finally { __als_done(__als_t); } }) {const __als_t = __als_begin(); try {
  return __als_resumed(__als_t, await __als_suspend(__als_t, fetcher()));
} finally { __als_done(__als_t); }}

export default async function main() {const __als_t = __als_begin(); try {
  const { a = __als_resumed(__als_t, await __als_suspend(__als_t, 'fallback')), b = __als_resumed(__als_t, await __als_suspend(__als_t, 'unused')) } = { b: 'given' };
  const pick = (fn = async (v = 1) => { const __als_t = __als_begin(); try { return (__als_resumed(__als_t, await __als_suspend(__als_t, v))) + 1 } finally { __als_done(__als_t); } }) => fn();
  return [__als_resumed(__als_t, await __als_suspend(__als_t, load())), __als_resumed(__als_t, await __als_suspend(__als_t, load(async () => 'custom'))), a, b, __als_resumed(__als_t, await __als_suspend(__als_t, pick()))];
} finally { __als_done(__als_t); }}
