// The module already uses names starting with __als_ and __als1_: the
// helpers' names must not collide with them.
const __als_resume = (v) => `user:${v}`;
const __als1_awaited = 1;

export default async function main() {
  return [__als_resume(await 'v'), __als1_awaited];
}
