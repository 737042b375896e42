// The Manifest V3 extension's page (page.html, bundled by build.mjs): the
// flows here and in the background service worker, under the extension's
// default policy (script-src 'self'), and the control: the default entry is
// refused there. Ends with globalThis.__alsResult.
import { AsyncLocalStorage, engine } from 'als-wasm/csp';
import { concurrentFlows, verdict } from './flows.mjs';
import { checkRefused } from './refused-check.mjs';

const out = document.getElementById('out');
let passed = 0;
let failed = 0;
const count = (ok, line) => {
  console.log(line);
  out.textContent += `${line}\n`;
  if (ok) passed++;
  else failed++;
};
const seed = Number(new URLSearchParams(location.search).get('seed') ?? Math.floor(Math.random() * 2 ** 31));

try {
  const here = await concurrentFlows(new AsyncLocalStorage(), { seed, fetchUrl: chrome.runtime.getURL('data.json') });
  const page = verdict(`extension page flows (engine ${engine}, seed ${seed})`, here);
  count(page.ok && engine === 'js', page.line);
  const answer = await chrome.runtime.sendMessage({ run: 'flows', seed: seed + 1 });
  if (answer?.error || !answer?.result) count(false, `FAIL background flows: ${answer?.error ?? 'no answer'}`);
  else {
    const background = verdict(`background service worker flows (engine ${answer.engine}, seed ${seed + 1})`, answer.result);
    count(background.ok && answer.engine === 'js', background.line);
  }
  const refused = await checkRefused();
  count(refused.length === 0, refused.length ? `FAIL ${refused.join('; ')}` : "ok the default entry is refused here, naming 'wasm-unsafe-eval' and als-wasm/csp");
} catch (error) {
  count(false, `FAIL ${error?.stack ?? error}`);
}
globalThis.__alsResult = { passed, failed };
console.log(`RESULT ${JSON.stringify(globalThis.__alsResult)}`);
