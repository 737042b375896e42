// Text outside ASCII before the awaits: é is one UTF-16 unit, 😀 two, 値 one
// (and three UTF-8 bytes): the map's columns and the rewrite's places must
// count them as JS does.
const greeting = 'héllo wörld 😀';
const 値 = '✓';
export default async function () {
  const a = `${greeting} ${await Promise.resolve('ü')}`; const b = await 値;
  let seen = '';
  for await (const c of ['😀', 'é']) seen += c;
  return [a, b, seen];
}
