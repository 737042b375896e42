// await (a, b): the whole sequence is the operand.
export default async function main() {
  let n = 0;
  const v = await (n++, n + 10);
  const w = await (0, Promise.resolve('last'));
  return [n, v, w];
}
