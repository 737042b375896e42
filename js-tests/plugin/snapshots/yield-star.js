import { iterated as __als_iterated, yielded as __als_yielded } from "als-wasm/plugin/runtime";// yield* in async generators is rewritten; in sync generators (even one
// nested in an async generator) it is not.
function* letters() { yield 'a'; yield* ['b', 'c']; }

async function* more() {
  function* inner() { yield* ['i']; }
  yield* __als_iterated((letters()));
  yield* __als_iterated((inner()));
  yield* __als_iterated(((async function* () { yield __als_yielded(('d')); })()));
}

const obj = {
  *sync() { yield* [1]; },
  async *gen() { yield* __als_iterated(([2])); },
};

class C {
  static async *#gen() { yield* __als_iterated(([3])); }
  static run() { return C.#gen(); }
}

export default async function main() {
  const out = [];
  for await (const v of __als_iterated((more()))) out.push(v);
  for await (const v of __als_iterated((obj.gen()))) out.push(v);
  out.push(...obj.sync());
  for await (const v of __als_iterated((C.run()))) out.push(v);
  return out;
}
