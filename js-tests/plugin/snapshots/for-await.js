import { awaited as __als_awaited, resume as __als_resume, iterated as __als_iterated, yielded as __als_yielded } from "als-wasm/plugin/runtime";// for await over a call, a parenthesized expression, a sequence and an await.
async function* count(n) {
  for (let i = 0; i < n; i++) yield __als_yielded((i));
}

export default async function main() {
  const seen = [];
  for await (const v of __als_iterated((count(2)))) seen.push(v);
  for await (const v of (__als_iterated((count(1))))) seen.push(v);
  for await (const v of (__als_iterated((seen.length, [Promise.resolve('p'), 'q'])))) seen.push(v);
  for await (const v of __als_iterated((__als_resume(await __als_awaited( Promise.resolve(['r'])))))) seen.push(v);
  return seen;
}
