// await in async arrow functions held by class fields (public, static, private).
class Widget {
  label = 'w';
  load = async () => await this.label;
  static make = async () => new Widget(await 0);
  #secret = async (v) => (await v).toUpperCase();
  reveal(v) { return this.#secret(v); }
}

export default async function main() {
  const w = await Widget.make();
  return [await w.load(), await w.reveal('s')];
}
