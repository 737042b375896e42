// The one script of every page in .bundled/csp/, where no inline script may
// run: mirrors console.log into <pre id="out"> (run-firefox.mjs reads it),
// tells the cases their entry (impl.mjs: ALS_ENTRY=csp), then runs what the
// page's <body data-run> names. Each run ends with globalThis.__alsResult.
const out = document.getElementById('out');
const log = console.log.bind(console);
const print = (...args) => {
  log(...args);
  out.textContent += `${args.join(' ')}\n`;
};
console.log = print;
globalThis.__alsTestEnv = { ALS_ENTRY: 'csp' };
const finish = (result) => {
  globalThis.__alsResult = result;
  print(`RESULT ${JSON.stringify(result)}`);
};
const seed = Number(new URLSearchParams(location.search).get('seed') ?? Math.floor(Math.random() * 2 ** 31));

// Every case of all.mjs (or fresh-all.mjs) in a dedicated worker.
function inWorker() {
  const worker = new Worker('./worker.js', { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.log !== undefined && !data.log.startsWith('RESULT ')) print(data.log);
      if (data.result !== undefined) resolve(finish(data.result ?? { passed: 0, failed: 1 }));
    };
    worker.onerror = (event) => reject(new Error(`the worker failed: ${event.message}`));
  });
}

// The flows of sw-entry.mjs, and 20 concurrent requests that it serves.
async function inServiceWorker() {
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  let passed = 0;
  let failed = 0;
  const count = (ok, line) => {
    print(line);
    if (ok) passed++;
    else failed++;
  };
  const { port1, port2 } = new MessageChannel();
  const answer = new Promise((resolve) => { port1.onmessage = ({ data }) => resolve(data); });
  navigator.serviceWorker.controller.postMessage({ seed }, [port2]);
  const { engine, result, error } = await answer;
  if (error) count(false, `FAIL service worker flows: ${error}`);
  else {
    const { verdict } = await import('./flows.js');
    const { ok, line } = verdict(`service worker flows (engine ${engine}, seed ${seed})`, result);
    count(ok && engine === 'js', engine === 'js' ? line : `FAIL the service worker ran engine ${engine}`);
  }
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`./flow?id=${i + 1}`).then((r) => r.json())));
  const wrong = answers.flatMap((seen, i) => seen.filter((s) => s.id !== i + 1).map((s) => `request ${i + 1} saw ${s.id} after ${s.step}`));
  count(wrong.length === 0 && answers.length === 20,
    `${wrong.length ? 'FAIL' : 'ok'} 20 concurrent requests served by the service worker each keep their store${wrong.length ? `: ${wrong.slice(0, 5).join('; ')}` : ''}`);
  return finish({ passed, failed });
}

async function refused() {
  const { checkRefused } = await import('./refused-check.js');
  const failures = await checkRefused();
  for (const f of failures) print(`FAIL ${f}`);
  if (!failures.length) print("ok the default entry throws ERR_ALS_WASM_REFUSED naming 'wasm-unsafe-eval' and als-wasm/csp");
  return finish({ passed: failures.length ? 0 : 1, failed: failures.length ? 1 : 0 });
}

const run = document.body.dataset.run;
try {
  if (run === 'worker') await inWorker();
  else if (run === 'service-worker') await inServiceWorker();
  else if (run === 'refused') await refused();
  else await import(`./${run}.js`);
} catch (error) {
  print(`FAIL running ${run}\n  ${error?.stack ?? error}`);
  finish({ passed: 0, failed: 1 });
}
