// node|deno|bun one.mjs <impl> <workload>: one workload in this fresh
// process, printed as one JSON line. Node and Deno need --expose-gc (Deno:
// --v8-flags=--expose-gc) for the memory workloads.
import { readFile } from 'node:fs/promises';
import { host } from './impls.mjs';
import { runWorkload } from './run-workload.mjs';

const [impl, workload] = (globalThis.Deno?.args ?? process.argv.slice(2));

function heapProbe() {
  if (host === 'bun') {
    return { heap: async () => (Bun.gc(true), process.memoryUsage().heapUsed) };
  }
  if (typeof globalThis.gc !== 'function') return null;
  const used = host === 'deno' ? () => Deno.memoryUsage().heapUsed : () => process.memoryUsage().heapUsed;
  return {
    async heap() {
      // Twice, and after a turn: objects that die in the first pass are gone
      // for the reading.
      await new Promise((ok) => setTimeout(ok, 10));
      gc();
      gc();
      return used();
    },
  };
}

const probe = {
  heap: heapProbe()?.heap ?? null,
  wasmBytes: () => readFile(new URL('../node_modules/als-wasm/als_wasm_bg.wasm', import.meta.url)),
};
const result = await runWorkload(impl, workload, probe);
console.log(JSON.stringify({ impl, workload, ...result }));
// Timers that zone.js or a patch left behind must not hold the process.
process.exit(0);
