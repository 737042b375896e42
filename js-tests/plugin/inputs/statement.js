// await as a statement: of a value, a promise and a thenable.
const thenable = { then(resolve) { resolve('t'); } };

export default async function main() {
  const log = [];
  await 5;
  log.push('a');
  await Promise.resolve(1);
  log.push('b');
  await thenable;
  log.push('c');
  return log;
}
