import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// TSX: JSX elements and a generic async arrow (`<T,>`) in a .tsx module.
const h = (type: string, props: object | null, ...children: unknown[]) => ({ type, props, children });

async function title(): Promise<string> {
  return 'T';
}

export default async function main() {
  const el = <h1 class={__als_resume(await __als_awaited( title()))}>{__als_resume(await __als_awaited( 'child'))}</h1>;
  const generic = async <T,>(v: T): Promise<T> => __als_resume(await __als_awaited( v));
  return [el, __als_resume(await __als_awaited( generic(3)))];
}
