import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// `await using` (explicit resource management): its implicit await at the
// end of the block is not an AwaitExpression and is left as it is.
export default async function main() {
  const log = [];
  {
    await using res = { async [Symbol.asyncDispose]() { log.push('disposed'); } };
    log.push(__als_resume(await __als_awaited( 'body')));
  }
  return log;
}
