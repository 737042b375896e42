import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done, caught as __als_caught } from "als-wasm/plugin/runtime";// await in statement heads: if, while, do-while, for, switch, throw.
export default async function main() {const __als_t = __als_begin(); try {
  const out = [];
  if (__als_resumed(__als_t, await __als_suspend(__als_t, true))) out.push('if');
  let i = 0;
  while (__als_resumed(__als_t, await __als_suspend(__als_t, (i < 2)))) i++;
  do { i++; } while (__als_resumed(__als_t, await __als_suspend(__als_t, false)));
  for (let j = __als_resumed(__als_t, await __als_suspend(__als_t, 0)); j < __als_resumed(__als_t, await __als_suspend(__als_t, 1)); j += __als_resumed(__als_t, await __als_suspend(__als_t, 1))) out.push(j);
  switch (__als_resumed(__als_t, await __als_suspend(__als_t, 'k'))) {
    case __als_resumed(__als_t, await __als_suspend(__als_t, 'k')): out.push('case');
  }
  try {
    throw __als_resumed(__als_t, await __als_suspend(__als_t, new Error('thrown')));
  } catch (e) {__als_caught(__als_t);
    out.push(e.message);
  }
  out.push(i);
  return out;
} finally { __als_done(__als_t); }}
