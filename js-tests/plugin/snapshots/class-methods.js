import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await in class methods: public, private, static.
class Repo {
  #rows = ['a', 'b'];
  constructor(seed) { this.seed = seed; }
  async find(i) {const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, this.#load(i))); } finally { __als_done(__als_t); }}
  async #load(i) {const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, this.#rows[i])); } finally { __als_done(__als_t); }}
  static async create() {const __als_t = __als_begin(); try { return new Repo(__als_resumed(__als_t, await __als_suspend(__als_t, null))); } finally { __als_done(__als_t); }}
}

export default async function main() {const __als_t = __als_begin(); try {
  const repo = __als_resumed(__als_t, await __als_suspend(__als_t, Repo.create()));
  return [__als_resumed(__als_t, await __als_suspend(__als_t, repo.find(1))), repo.seed];
} finally { __als_done(__als_t); }}
