// await in optional chains.
export default async function main() {
  const o = { y: { z: () => 'z' } };
  return [(await o)?.y?.z(), (await null)?.y, await o?.y?.z?.(), (await undefined)?.[0]];
}
