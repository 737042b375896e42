'use strict';
'use client';import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";
// Directives first: the helpers' import goes after them.
export default async function main() {
  return [__als_resume(await __als_awaited( 'strict'))];
}
