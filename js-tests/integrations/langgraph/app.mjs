// The page build: the 20 concurrent graph runs (runs.mjs) in the page
// itself, then the build's expectations (expect.mjs). build.mjs puts in the
// setup ('langgraph-setup', imported first as an app would) and the custom
// event dispatch ('langgraph-dispatch') of each build.
import 'langgraph-setup';
import { dispatch } from 'langgraph-dispatch';
import { browserName, verdict } from './expect.mjs';
import { runFlows } from './runs.mjs';

const BUILD = LANGGRAPH_BUILD; // defined by build.mjs

async function main() {
  const seed = Number(new URLSearchParams(location.search).get('seed')) || Date.now() % 1_000_000;
  console.log(`langgraph ${BUILD} in a page: seed ${seed} (?seed=${seed} replays it)`);
  const result = await runFlows({ seed, dispatch });
  return verdict({ build: BUILD, host: 'page', browser: browserName(), result, print: console.log });
}

main()
  .catch((e) => {
    console.log(`FAIL - langgraph ${BUILD} (page): ${e?.stack ?? e}`);
    return { passed: 0, failed: 1 };
  })
  .then((result) => {
    console.log(`RESULT ${JSON.stringify(result)}`);
    globalThis.__alsResult = result;
  });
