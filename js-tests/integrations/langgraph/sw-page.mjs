// sw.html: registers the build's Service Worker (sw.js), asks it to run the
// 20 concurrent graph runs and checks its counts as the page build does.
import { browserName, verdict } from './expect.mjs';

const BUILD = LANGGRAPH_BUILD; // defined by build.mjs

async function main() {
  const seed = Number(new URLSearchParams(location.search).get('seed')) || Date.now() % 1_000_000;
  console.log(`langgraph ${BUILD} in a Service Worker: seed ${seed} (?seed=${seed} replays it)`);
  if (!('serviceWorker' in navigator)) throw new Error('this browser has no navigator.serviceWorker here');
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
  const { active } = await navigator.serviceWorker.ready;
  const { port1, port2 } = new MessageChannel();
  const answer = new Promise((resolve) => {
    port1.onmessage = ({ data }) => resolve(data);
  });
  active.postMessage({ seed }, [port2]);
  const { result, scope, error } = await answer;
  if (error) throw new Error(`the Service Worker failed: ${error}`);
  if (scope !== 'ServiceWorkerGlobalScope') throw new Error(`the runs ran in ${scope}, not in a Service Worker`);
  return verdict({ build: BUILD, host: 'service worker', browser: browserName(), result, print: console.log });
}

main()
  .catch((e) => {
    console.log(`FAIL - langgraph ${BUILD} (service worker): ${e?.stack ?? e}`);
    return { passed: 0, failed: 1 };
  })
  .then((result) => {
    console.log(`RESULT ${JSON.stringify(result)}`);
    globalThis.__alsResult = result;
  });
