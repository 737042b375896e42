import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// TSX: JSX elements and a generic async arrow (`<T,>`) in a .tsx module.
const h = (type: string, props: object | null, ...children: unknown[]) => ({ type, props, children });

async function title(): Promise<string> {
  return 'T';
}

export default async function main() {const __als_t = __als_begin(); try {
  const el = <h1 class={__als_resumed(__als_t, await __als_suspend(__als_t, title()))}>{__als_resumed(__als_t, await __als_suspend(__als_t, 'child'))}</h1>;
  const generic = async <T,>(v: T): Promise<T> => { const __als_t = __als_begin(); try { return __als_resumed(__als_t, await __als_suspend(__als_t, v)) } finally { __als_done(__als_t); } };
  return [el, __als_resumed(__als_t, await __als_suspend(__als_t, generic(3)))];
} finally { __als_done(__als_t); }}
