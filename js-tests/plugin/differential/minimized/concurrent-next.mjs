// An async generator whose next() is called again before the last call
// settled (for await never does; Promise.all of next() calls does): the body
// resumes for the queued call in the job that settles the implicit await of
// `yield`'s operand. The plugin rewrites no yield, so where that operand is
// not a promise (5, a thenable, also after a rewritten `await 5`), nothing
// hooks that job: no store from there on (Node: the generator's flow, as
// after `yield` of a promise, which the carrier hooks). 3 losses, with the
// plugin and without.
import { AsyncLocalStorage } from '__ALS_MODULE__';
const A = new AsyncLocalStorage();
const log = [];
const cp = (label) => { log.push([label, A.getStore() ?? null, null, null]); };
async function* yieldsPromise() { yield Promise.resolve(1); cp('after yield of a promise (kept)'); }
async function* yields5() { yield 5; cp('after yield 5'); }
async function* yieldsThenable() { yield { then(r) { r(1); } }; cp('after yield of a thenable'); }
async function* awaitsThenYields() { await 5; yield 1; cp('after await 5; yield 1'); }
export async function main(out) {
  const generators = [['A1', yieldsPromise], ['A2', yields5], ['A3', yieldsThenable], ['A4', awaitsThenYields]];
  for (const [store, g] of generators) {
    await A.run(store, () => {
      const it = g();
      return Promise.all([it.next(), it.next()]);
    });
  }
  out.push(...log);
}
