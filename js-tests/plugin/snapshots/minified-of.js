import { iterated as __als_iterated } from "als-wasm/plugin/runtime";// Minified: no space between `of` and its operand.
export default async function main(){const o=[];for await(const v of __als_iterated(([1,Promise.resolve(2)])))o.push(v);for await(const c of __als_iterated(("ab")))o.push(c);return o}
