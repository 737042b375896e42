// for await over a call, a parenthesized expression, a sequence and an await.
async function* count(n) {
  for (let i = 0; i < n; i++) yield i;
}

export default async function main() {
  const seen = [];
  for await (const v of count(2)) seen.push(v);
  for await (const v of (count(1))) seen.push(v);
  for await (const v of (seen.length, [Promise.resolve('p'), 'q'])) seen.push(v);
  for await (const v of await Promise.resolve(['r'])) seen.push(v);
  return seen;
}
