import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// What Vite hands the plugin for App.vue's <script setup lang="ts"> (id
// App.vue?vue&type=script&setup=true&lang.ts): TypeScript, told by the query.
const component = {
  async setup(): Promise<{ count: number }> {
    const count = __als_resume(await __als_awaited( Promise.resolve<number>(1))) as number;
    return { count };
  },
};

export default async () => (__als_resume(await __als_awaited( component.setup()))).count + 1;
