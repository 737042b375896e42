'use client';import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";

// A directive without a semicolon (Prettier's semi: false, standard style).
export default async function main() {const __als_t = __als_begin(); try {
  return __als_resumed(__als_t, await __als_suspend(__als_t, 'client'))
} finally { __als_done(__als_t); }}
