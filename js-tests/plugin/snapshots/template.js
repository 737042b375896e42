import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await inside template literals, plain and tagged.
const tag = (strings, ...values) => strings.raw.join('|') + values.join(',');

export default async function main() {
  const name = 'n';
  return [`hi ${__als_resume(await __als_awaited( name))}!`, `${__als_resume(await __als_awaited( 1))}${__als_resume(await __als_awaited( 2))}`, tag`a${__als_resume(await __als_awaited( 'b'))}c`];
}
