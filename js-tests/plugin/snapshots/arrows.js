import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in async arrow functions: expression bodies, block bodies, callbacks.
const twice = async (v) => (__als_resume(await __als_awaited( v))) * 2;
const id = async v => __als_resume(await __als_awaited( v));
const block = async () => { const r = __als_resume(await __als_awaited( id(3))); return r; };

export default async () => [
  __als_resume(await __als_awaited( twice(4))),
  __als_resume(await __als_awaited( id('v'))),
  __als_resume(await __als_awaited( block())),
  __als_resume(await __als_awaited( [1, 2].reduce(async (acc, v) => (__als_resume(await __als_awaited( acc))) + v, 0))),
];
