// await(x) written like a call.
export default async function main() {
  const a = await(1);
  const b = await(Promise.resolve(2)) + await (3);
  return [a, b];
}
