// await in class methods: public, private, static.
class Repo {
  #rows = ['a', 'b'];
  constructor(seed) { this.seed = seed; }
  async find(i) { return await this.#load(i); }
  async #load(i) { return await this.#rows[i]; }
  static async create() { return new Repo(await null); }
}

export default async function main() {
  const repo = await Repo.create();
  return [await repo.find(1), repo.seed];
}
