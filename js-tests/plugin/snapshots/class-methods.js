import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in class methods: public, private, static.
class Repo {
  #rows = ['a', 'b'];
  constructor(seed) { this.seed = seed; }
  async find(i) { return __als_resume(await __als_awaited( this.#load(i))); }
  async #load(i) { return __als_resume(await __als_awaited( this.#rows[i])); }
  static async create() { return new Repo(__als_resume(await __als_awaited( null))); }
}

export default async function main() {
  const repo = __als_resume(await __als_awaited( Repo.create()));
  return [__als_resume(await __als_awaited( repo.find(1))), repo.seed];
}
