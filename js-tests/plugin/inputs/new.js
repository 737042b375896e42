// new (await f())(): the awaited constructor, and an awaited argument.
class Thing { constructor(v) { this.v = v; } }
async function factory() { return Thing; }

export default async function main() {
  const a = new (await factory())('a');
  const b = new (await Promise.resolve(Thing))(await 'b');
  return [a.v, b.v, a instanceof Thing];
}
