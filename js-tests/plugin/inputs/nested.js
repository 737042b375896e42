// await await x: each level its own await.
const inner = { then(resolve) { resolve(Promise.resolve('deep')); } };

export default async function main() {
  const a = await await Promise.resolve(1);
  const b = await await await inner;
  const c = await (await Promise.resolve(Promise.resolve('c')));
  return [a, b, c];
}
