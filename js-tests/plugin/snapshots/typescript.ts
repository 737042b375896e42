import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// TypeScript: types, generics, `as`, `satisfies`, `!`, `<T>` assertions and
// parameter properties around await.
interface User { name: string }
type Loader<T> = () => Promise<T> | T;

async function get<T>(load: Loader<T>): Promise<T> {
  return __als_resume(await __als_awaited( load()));
}

class Service {
  constructor(private readonly prefix: string) {}
  async greet(user: Promise<User> | User): Promise<string> {
    return this.prefix + (__als_resume(await __als_awaited( user))).name;
  }
}

export default async function main(): Promise<string[]> {
  const user = __als_resume(await __als_awaited( get<User>(() => ({ name: 'ada' })))) as User;
  const raw = <string>__als_resume(await __als_awaited( get(() => 'raw')));
  const n = (__als_resume(await __als_awaited( get((): number | undefined => 1))))!;
  const s = __als_resume(await __als_awaited( get(() => 'x'))) satisfies string;
  return [user.name, raw, String(n), s, __als_resume(await __als_awaited( new Service('hi ').greet(user)))];
}
