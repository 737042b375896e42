// `await using` (explicit resource management): its implicit await at the
// end of the block is not an AwaitExpression and is left as it is.
export default async function main() {
  const log = [];
  {
    await using res = { async [Symbol.asyncDispose]() { log.push('disposed'); } };
    log.push(await 'body');
  }
  return log;
}
