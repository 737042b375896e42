// await as the operand of other expressions.
const plusOne = (v) => v + 1;

export default async function main() {
  const sum = (await 2) * 3 + await 4;
  const negated = -await 1;
  const literal = [await 'x', { k: await 'y', [await 'key']: 1 }, ...await Promise.resolve([8, 9])];
  const type = typeof await null;
  let assigned;
  assigned = await 'set';
  return [sum, negated, literal, type, plusOne(await 7), assigned];
}
