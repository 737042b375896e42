// What each build must show (build.mjs names the builds), checked against
// runFlows()'s counts, in a page or a Service Worker alike. With als-wasm
// every check keeps its own run's value. The control (LangChain's default,
// no AsyncLocalStorage) must fail as users report: getCurrentTaskInput()
// throws "Config not retrievable", getConfig() answers nothing, interrupt()
// stops none of the 20 runs; and it must leak nothing either. A storage that
// keeps the last store entered must leak.
// Concurrent runs per page or Service Worker (runs.mjs).
export const FLOWS = 20;

const times = (result, text) => result.errors.filter((e) => e.message.includes(text)).reduce((n, e) => n + e.times, 0);

function withAls(result) {
  const { counts } = result;
  return [
    ['0 leaked: no run saw another run\'s config, input, interrupt, answer or callbacks', result.leaked === 0],
    ['0 lost: every check kept its own run\'s value', result.lost === 0],
    [`interrupt() stopped ${FLOWS} of ${FLOWS} runs`, counts.interrupt.kept === FLOWS],
    [`on Command({ resume }), interrupt() answered each of the ${FLOWS} runs its own human's reply, and each finished with its own answer`, counts.resume.kept === FLOWS * 2],
    ['getConfig() and getCurrentTaskInput() answered their own thread at every node, before and after interrupt', counts.config.kept >= FLOWS * 4 && counts.input.kept === counts.config.kept],
    [`each run's handler got its ${FLOWS === 1 ? '' : 'two '}model calls and two custom events, under its own runs`, counts.callbacks.kept === FLOWS * 4],
    ['no error', result.errors.length === 0],
  ];
}

function control(result) {
  const { counts } = result;
  const notRetrievable = times(result, 'input: Config not retrievable');
  return [
    ['0 leaked', result.leaked === 0],
    [`getCurrentTaskInput() threw "Config not retrievable" at every node (${notRetrievable})`, notRetrievable > 0 && notRetrievable === counts.input.lost && counts.input.kept === 0],
    ['getConfig() answered nothing at any node', counts.config.kept === 0],
    [`interrupt() stopped 0 of ${FLOWS} runs ("outside the context of a graph")`, counts.interrupt.kept === 0 && times(result, 'interrupt: Called interrupt() outside the context of a graph') >= FLOWS],
    [`no run finished with its human's answer (0 of ${FLOWS})`, counts.resume.kept === 0],
    ['no model call or custom event reached its run\'s handler', counts.callbacks.kept === 0],
  ];
}

// The last-store storage: some run sees another run's values. Exact numbers
// vary with timing.
function leakyStorage(result) {
  return [[`leaks: some run saw another run's values (${result.leaked} leaked)`, result.leaked > 0]];
}

export const EXPECT = { 'als-wasm': withAls, 'als-wasm-alias': withAls, control, 'leaky-storage': leakyStorage };

// Prints the INTEGRATION line and each check; answers { passed, failed }.
export function verdict({ build, host, browser, result, print }) {
  const { counts, steps, errors, problems, ...numbers } = result;
  print(`INTEGRATION ${JSON.stringify({ build, host, browser, ...numbers, counts, steps })}`);
  for (const e of errors) print(`  error x${e.times}: ${e.message.split('\n')[0]}`);
  if (problems.length) print(`  first checks not kept: ${problems.join('; ')}`);
  let passed = 0;
  let failed = 0;
  for (const [name, ok] of EXPECT[build](result)) {
    print(`${ok ? 'ok' : 'FAIL'} - langgraph ${build} (${host}): ${name}`);
    if (ok) passed++;
    else failed++;
  }
  return { passed, failed };
}

export function browserName() {
  const ua = navigator.userAgent;
  return /Firefox\//.test(ua) ? 'firefox' : /Chrom/.test(ua) ? 'chromium' : /AppleWebKit/.test(ua) ? 'webkit' : ua;
}
