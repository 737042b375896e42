import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in statement heads: if, while, do-while, for, switch, throw.
export default async function main() {
  const out = [];
  if (__als_resume(await __als_awaited( true))) out.push('if');
  let i = 0;
  while (__als_resume(await __als_awaited( (i < 2)))) i++;
  do { i++; } while (__als_resume(await __als_awaited( false)));
  for (let j = __als_resume(await __als_awaited( 0)); j < __als_resume(await __als_awaited( 1)); j += __als_resume(await __als_awaited( 1))) out.push(j);
  switch (__als_resume(await __als_awaited( 'k'))) {
    case __als_resume(await __als_awaited( 'k')): out.push('case');
  }
  try {
    throw __als_resume(await __als_awaited( new Error('thrown')));
  } catch (e) {
    out.push(e.message);
  }
  out.push(i);
  return out;
}
