import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await as a statement: of a value, a promise and a thenable.
const thenable = { then(resolve) { resolve('t'); } };

export default async function main() {
  const log = [];
  __als_resume(await __als_awaited( 5));
  log.push('a');
  __als_resume(await __als_awaited( Promise.resolve(1)));
  log.push('b');
  __als_resume(await __als_awaited( thenable));
  log.push('c');
  return log;
}
