// await inside template literals, plain and tagged.
const tag = (strings, ...values) => strings.raw.join('|') + values.join(',');

export default async function main() {
  const name = 'n';
  return [`hi ${await name}!`, `${await 1}${await 2}`, tag`a${await 'b'}c`];
}
