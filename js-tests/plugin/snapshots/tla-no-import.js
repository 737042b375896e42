import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// An ES module with top-level await and neither import nor export (a
// worker or an entry) that reads a property named `exports`.
const mod = __als_resume(await __als_awaited( Promise.resolve({ exports: 42 })));
globalThis.caseResult = mod.exports;
