// TypeScript: types, generics, `as`, `satisfies`, `!`, `<T>` assertions and
// parameter properties around await.
interface User { name: string }
type Loader<T> = () => Promise<T> | T;

async function get<T>(load: Loader<T>): Promise<T> {
  return await load();
}

class Service {
  constructor(private readonly prefix: string) {}
  async greet(user: Promise<User> | User): Promise<string> {
    return this.prefix + (await user).name;
  }
}

export default async function main(): Promise<string[]> {
  const user = await get<User>(() => ({ name: 'ada' })) as User;
  const raw = <string>await get(() => 'raw');
  const n = (await get((): number | undefined => 1))!;
  const s = await get(() => 'x') satisfies string;
  return [user.name, raw, String(n), s, await new Service('hi ').greet(user)];
}
