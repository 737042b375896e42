import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// A getter (never async itself) whose value comes from an async IIFE, read
// inside another async IIFE.
export default function main() {
  return (async () => {const __als_t = __als_begin(); try {
    const box = {
      get later() { return (async () => { const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, 'got')) } finally { __als_done(__als_t); } })(); },
    };
    return [__als_resumed(__als_t, await __als_suspend(__als_t, box.later)), __als_resumed(__als_t, await __als_suspend(__als_t, (async () => { const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, box.later)) } finally { __als_done(__als_t); } })()))];
  } finally { __als_done(__als_t); }})();
}
