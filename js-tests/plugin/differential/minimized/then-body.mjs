// A foreign thenable's then(), called by the engine for an await in a run():
// Node runs it in the awaiting flow (A1 at both checkpoints); a browser
// without the plugin in no store (2 losses); with the plugin, in A1.
import { AsyncLocalStorage } from '__ALS_MODULE__';
const A = new AsyncLocalStorage();
const log = [];
const cp = (label) => { log.push([label, A.getStore() ?? null, null, null]); };
export async function main(out) {
  await A.run('A1', async () => {
    await { then(r) { cp('in then'); r(); } };
    await { then(r) { setTimeout(() => { cp('in a timer then() started'); r(); }, 0); } };
    cp('after');
  });
  out.push(...log);
}
