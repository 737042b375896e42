'use strict';
'use client';import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";
// Directives first: the helpers' import goes after them.
export default async function main() {const __als_t = __als_begin(); try {
  return [__als_resumed(__als_t, await __als_suspend(__als_t, 'strict'))];
} finally { __als_done(__als_t); }}
