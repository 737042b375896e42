// await in statement heads: if, while, do-while, for, switch, throw.
export default async function main() {
  const out = [];
  if (await true) out.push('if');
  let i = 0;
  while (await (i < 2)) i++;
  do { i++; } while (await false);
  for (let j = await 0; j < await 1; j += await 1) out.push(j);
  switch (await 'k') {
    case await 'k': out.push('case');
  }
  try {
    throw await new Error('thrown');
  } catch (e) {
    out.push(e.message);
  }
  out.push(i);
  return out;
}
