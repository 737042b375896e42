// An ES module with top-level await and neither import nor export (a
// worker or an entry) that reads a property named `exports`.
const mod = await Promise.resolve({ exports: 42 });
globalThis.caseResult = mod.exports;
