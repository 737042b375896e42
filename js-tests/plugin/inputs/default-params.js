// await in async arrows that are default parameter values, and in
// destructuring defaults (await in a parameter list itself is a SyntaxError).
async function load(fetcher = async () => await 'default') {
  return await fetcher();
}

export default async function main() {
  const { a = await 'fallback', b = await 'unused' } = { b: 'given' };
  const pick = (fn = async (v = 1) => (await v) + 1) => fn();
  return [await load(), await load(async () => 'custom'), a, b, await pick()];
}
