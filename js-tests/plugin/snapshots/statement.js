import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// await as a statement: of a value, a promise and a thenable.
const thenable = { then(resolve) { resolve('t'); } };

export default async function main() {const __als_t = __als_begin(); try {
  const log = [];
  __als_resumed(__als_t, await __als_suspend(__als_t, 5));
  log.push('a');
  __als_resumed(__als_t, await __als_suspend(__als_t, Promise.resolve(1)));
  log.push('b');
  __als_resumed(__als_t, await __als_suspend(__als_t, thenable));
  log.push('c');
  return log;
} finally { __als_done(__als_t); }}
