import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// What Vite hands the plugin for App.vue's <script setup lang="ts"> (id
// App.vue?vue&type=script&setup=true&lang.ts): TypeScript, told by the query.
const component = {
  async setup(): Promise<{ count: number }> {const __als_t = __als_begin(); try {
    const count = __als_resumed(__als_t, await __als_suspend(__als_t, Promise.resolve<number>(1))) as number;
    return { count };
  } finally { __als_done(__als_t); }},
};

export default async () => { const __als_t = __als_begin(); try { return (__als_resumed(__als_t, await __als_suspend(__als_t, component.setup()))).count + 1 } finally { __als_done(__als_t); } };
