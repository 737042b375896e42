import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// JSX: await in children and attributes; the word await in JSX text is text.
const h = (type, props, ...children) => ({ type, props, children });

export default async function main() {
  const items = __als_resume(await __als_awaited( Promise.resolve(['a', 'b'])));
  return (
    <ul title={__als_resume(await __als_awaited( 'list'))}>
      {items.map((i) => <li key={i}>{i}</li>)}
      <p>please await this</p>
      {__als_resume(await __als_awaited( 'tail'))}
    </ul>
  );
}
