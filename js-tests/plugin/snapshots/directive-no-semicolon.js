'use client';import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";

// A directive without a semicolon (Prettier's semi: false, standard style).
export default async function main() {
  return __als_resume(await __als_awaited( 'client'))
}
