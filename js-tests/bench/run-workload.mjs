// One workload of one implementation, in this fresh realm: imports the
// implementation (timed; with the workload's own loader where it has
// one), runs the workload and answers its result, or
// { na } where the implementation or workload does not apply here, or
// { error } when it broke.
import { load, NotHere } from './impls.mjs';
import { WORKLOADS } from './workloads.mjs';

export async function runWorkload(impl, workload, probe) {
  const w = WORKLOADS[workload];
  if (!w) return { error: `unknown workload ${workload}` };
  if (w.only && !w.only.includes(impl)) return { na: `only for ${w.only.join(', ')}` };
  try {
    const t = performance.now();
    const loaded = await (w.load ?? load)(impl);
    const importMs = performance.now() - t;
    return { importMs, ...(await w.run(loaded, probe)) };
  } catch (e) {
    if (e instanceof NotHere) return { na: e.message };
    return { error: String(e?.stack ?? e) };
  }
}
