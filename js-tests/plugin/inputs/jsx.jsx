// JSX: await in children and attributes; the word await in JSX text is text.
const h = (type, props, ...children) => ({ type, props, children });

export default async function main() {
  const items = await Promise.resolve(['a', 'b']);
  return (
    <ul title={await 'list'}>
      {items.map((i) => <li key={i}>{i}</li>)}
      <p>please await this</p>
      {await 'tail'}
    </ul>
  );
}
