import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in async arrows that are default parameter values, and in
// destructuring defaults (await in a parameter list itself is a SyntaxError).
async function load(fetcher = async () => __als_resume(await __als_awaited( 'default'))) {
  return __als_resume(await __als_awaited( fetcher()));
}

export default async function main() {
  const { a = __als_resume(await __als_awaited( 'fallback')), b = __als_resume(await __als_awaited( 'unused')) } = { b: 'given' };
  const pick = (fn = async (v = 1) => (__als_resume(await __als_awaited( v))) + 1) => fn();
  return [__als_resume(await __als_awaited( load())), __als_resume(await __als_awaited( load(async () => 'custom'))), a, b, __als_resume(await __als_awaited( pick()))];
}
