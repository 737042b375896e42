import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// A getter (never async itself) whose value comes from an async IIFE, read
// inside another async IIFE.
export default function main() {
  return (async () => {
    const box = {
      get later() { return (async () => __als_resume(await __als_awaited( 'got')))(); },
    };
    return [__als_resume(await __als_awaited( box.later)), __als_resume(await __als_awaited( (async () => __als_resume(await __als_awaited( box.later)))()))];
  })();
}
