// What Vite hands the plugin for App.vue's <script setup lang="ts"> (id
// App.vue?vue&type=script&setup=true&lang.ts): TypeScript, told by the query.
const component = {
  async setup(): Promise<{ count: number }> {
    const count = await Promise.resolve<number>(1) as number;
    return { count };
  },
};

export default async () => (await component.setup()).count + 1;
