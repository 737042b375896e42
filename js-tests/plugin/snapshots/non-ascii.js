import { awaited as __als_awaited, resume as __als_resume, iterated as __als_iterated } from "als-wasm/plugin/runtime";// Text outside ASCII before the awaits: é is one UTF-16 unit, 😀 two, 値 one
// (and three UTF-8 bytes): the map's columns and the rewrite's places must
// count them as JS does.
const greeting = 'héllo wörld 😀';
const 値 = '✓';
export default async function () {
  const a = `${greeting} ${__als_resume(await __als_awaited( Promise.resolve('ü')))}`; const b = __als_resume(await __als_awaited( 値));
  let seen = '';
  for await (const c of __als_iterated((['😀', 'é']))) seen += c;
  return [a, b, seen];
}
