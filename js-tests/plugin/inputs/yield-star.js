// yield* in async generators is rewritten; in sync generators (even one
// nested in an async generator) it is not.
function* letters() { yield 'a'; yield* ['b', 'c']; }

async function* more() {
  function* inner() { yield* ['i']; }
  yield* letters();
  yield* inner();
  yield* (async function* () { yield 'd'; })();
}

const obj = {
  *sync() { yield* [1]; },
  async *gen() { yield* [2]; },
};

class C {
  static async *#gen() { yield* [3]; }
  static run() { return C.#gen(); }
}

export default async function main() {
  const out = [];
  for await (const v of more()) out.push(v);
  for await (const v of obj.gen()) out.push(v);
  out.push(...obj.sync());
  for await (const v of C.run()) out.push(v);
  return out;
}
