import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";// JSX: await in children and attributes; the word await in JSX text is text.
const h = (type, props, ...children) => ({ type, props, children });

export default async function main() {const __als_t = __als_begin(); try {
  const items = __als_resumed(__als_t, await __als_suspend(__als_t, Promise.resolve(['a', 'b'])));
  return (
    <ul title={__als_resumed(__als_t, await __als_suspend(__als_t, 'list'))}>
      {items.map((i) => <li key={i}>{i}</li>)}
      <p>please await this</p>
      {__als_resumed(__als_t, await __als_suspend(__als_t, 'tail'))}
    </ul>
  );
} finally { __als_done(__als_t); }}
