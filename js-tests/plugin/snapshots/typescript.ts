import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// TypeScript: types, generics, `as`, `satisfies`, `!`, `<T>` assertions and
// parameter properties around await.
interface User { name: string }
type Loader<T> = () => Promise<T> | T;

async function get<T>(load: Loader<T>): Promise<T> {const __als_t = __als_begin(); try {
  return __als_resumed(__als_t, await __als_suspend(__als_t, load()));
} finally { __als_done(__als_t); }}

class Service {
  constructor(private readonly prefix: string) {}
  async greet(user: Promise<User> | User): Promise<string> {const __als_t = __als_begin(); try {
    return this.prefix + (__als_resumed(__als_t, await __als_suspend(__als_t, user))).name;
  } finally { __als_done(__als_t); }}
}

export default async function main(): Promise<string[]> {const __als_t = __als_begin(); try {
  const user = __als_resumed(__als_t, await __als_suspend(__als_t, get<User>(() => ({ name: 'ada' })))) as User;
  const raw = <string>__als_resumed(__als_t, await __als_suspend(__als_t, get(() => 'raw')));
  const n = (__als_resumed(__als_t, await __als_suspend(__als_t, get((): number | undefined => 1))))!;
  const s = __als_resumed(__als_t, await __als_suspend(__als_t, get(() => 'x'))) satisfies string;
  return [user.name, raw, String(n), s, __als_resumed(__als_t, await __als_suspend(__als_t, new Service('hi ').greet(user)))];
} finally { __als_done(__als_t); }}
