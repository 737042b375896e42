// await in conditional and logical expressions (some operands not evaluated).
export default async function main() {
  const flag = await true ? await 'yes' : await 'no';
  const or = (await 0) || await 'or';
  const and = await 1 && await 'and';
  const nullish = (await null) ?? await 'nullish';
  let assigned = null;
  assigned ??= await 'assigned';
  return [flag, or, and, nullish, assigned];
}
