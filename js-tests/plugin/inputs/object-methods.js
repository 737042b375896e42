// await in async object methods (plain, computed, nested).
const api = {
  base: 10,
  async add(v) { return this.base + await v; },
  async ['computed'](v) { return await this.add(v); },
  nested: { async deep() { return await 'deep'; } },
};

export default async function main() {
  return [await api.add(1), await api.computed(2), await api.nested.deep()];
}
