// TSX: JSX elements and a generic async arrow (`<T,>`) in a .tsx module.
const h = (type: string, props: object | null, ...children: unknown[]) => ({ type, props, children });

async function title(): Promise<string> {
  return 'T';
}

export default async function main() {
  const el = <h1 class={await title()}>{await 'child'}</h1>;
  const generic = async <T,>(v: T): Promise<T> => await v;
  return [el, await generic(3)];
}
