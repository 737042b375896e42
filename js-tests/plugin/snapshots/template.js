import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await inside template literals, plain and tagged.
const tag = (strings, ...values) => strings.raw.join('|') + values.join(',');

export default async function main() {const __als_t = __als_begin(); try {
  const name = 'n';
  return [`hi ${__als_resumed(__als_t, await __als_suspend(__als_t, name))}!`, `${__als_resumed(__als_t, await __als_suspend(__als_t, 1))}${__als_resumed(__als_t, await __als_suspend(__als_t, 2))}`, tag`a${__als_resumed(__als_t, await __als_suspend(__als_t, 'b'))}c`];
} finally { __als_done(__als_t); }}
