// await in async arrow functions: expression bodies, block bodies, callbacks.
const twice = async (v) => (await v) * 2;
const id = async v => await v;
const block = async () => { const r = await id(3); return r; };

export default async () => [
  await twice(4),
  await id('v'),
  await block(),
  await [1, 2].reduce(async (acc, v) => (await acc) + v, 0),
];
