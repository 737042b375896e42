// Seeded differential test of async flows started from the root: each
// program runs 6 concurrent flows, each begun by a root task (a timer, a
// microtask, a then-callback or a host event) with enterWith (no run), then
// random steps: awaits of settled and pending promises, `await 0` and
// thenables, enterWith, nested runs, disable, and errors thrown across
// awaits, and a promise's own `then` read the way an await reads it (its
// constructor first) and called later by whichever flow takes it from a
// shared list (Node: in the caller's store), and messages posted on a
// MessagePort moved by structuredClone (and on the port it left behind,
// which sends nothing): a listener notes whether a message saw its
// poster's store or none (Node: none, where the channel was made; the
// patch carrier: the poster's), or another flow's. Flows also start from
// node:http request handlers (pipelined on two keep-alive sockets) beside
// the root tasks. Every flow records both storages' stores after every step; the
// records must match node:async_hooks (Node 24). The patch carrier
// (ALS_ENTRY=browser) may lose a store after `await 0` or a thenable, until
// the flow enters it again; it must never see a store it was not given.
// Node's runs go first, before als-wasm is imported.
//   node differential-async.mjs [--seed=N] [--programs=N]
import { test, run } from '../support/harness.mjs';
import * as node from 'node:async_hooks';
import { rng } from '../support/random.mjs';
import { ROOT_TASKS, rootTask, sleep } from '../fresh/support.mjs';

const env = globalThis.process?.env ?? {};
const argv = globalThis.process?.argv ?? [];
const opt = (name, dflt) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return Number(hit ? hit.slice(name.length + 3) : env[`DIFF_${name.toUpperCase()}`] ?? dflt);
};
const SEED = opt('seed', Date.now() % 2 ** 31);
const PROGRAMS = opt('programs', 60);
const FLOWS = 6;
const patch = env.ALS_ENTRY === 'browser';

const UNHOOKED = new Set(['await 0', 'await thenable']);
const WRITES = new Set(['enter a', 'enter b', 'disable b', 'throw after enter']);
const SYNC = new Set(['read then', 'post on the port left behind']);
const STEPS = [
  'await settled', 'await timer', 'await 0', 'await thenable', 'enter a', 'enter b', 'run b', 'disable b', 'throw after enter', 'reject caught',
  'read then', 'call a read then', 'post on a moved port', 'post on the port left behind',
];
const http = globalThis.process?.getBuiltinModule?.('node:http');
const STARTS = http ? [...ROOT_TASKS, 'http request'] : ROOT_TASKS;

// A program: per flow, how it starts and its steps. With the patch carrier,
// a write never directly follows `await 0` or a thenable (nor follows it
// with only synchronous steps between): code there runs in
// no carrier job, and its enterWith is seen by other such code until the
// end of the microtask checkpoint (docs/browser-carrier.md, limits), which is not what this
// test measures.
function gen(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  return Array.from({ length: FLOWS }, () => {
    const steps = [];
    const n = 4 + Math.floor(rand() * 12);
    // The last step that awaited (writes and SYNC steps await nothing).
    let lastAwait = null;
    for (let i = 0; i < n; i++) {
      const step = pick(STEPS);
      if (patch && WRITES.has(step) && UNHOOKED.has(lastAwait)) {
        steps.push('await settled');
        lastAwait = 'await settled';
      }
      steps.push(step);
      if (!WRITES.has(step) && !SYNC.has(step)) lastAwait = step;
    }
    return { start: pick(STARTS), delay: Math.floor(rand() * 3), steps };
  });
}


// Runs one program on `impl`; resolves to each flow's records.
async function execute({ AsyncLocalStorage }, program) {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  const show = (v) => (v === undefined ? '-' : v);
  // Thens read by any flow, taken by any flow (oldest first).
  const shared = Promise.resolve('shared');
  const thens = [];
  const port = await movedPort(a, b);
  const server = await requests(program);
  const flows = program.map((flow, f) => (flow.start === 'http request' ? server.start : rootTask)(flow.start, flow.delay, async () => {
    let n = 0;
    const value = (s) => `${s}${f}.${n++}`;
    const records = [];
    const record = (step) => records.push({ step, a: show(a.getStore()), b: show(b.getStore()) });
    a.enterWith(value('a'));
    record('start');
    for (const step of flow.steps) {
      switch (step) {
        case 'await settled': await Promise.resolve(); break;
        case 'await timer': await sleep(n % 3); break;
        case 'await 0': await 0; break;
        case 'await thenable': await { then: (resolve) => resolve() }; break;
        case 'enter a': a.enterWith(value('a')); break;
        case 'enter b': b.enterWith(value('b')); break;
        case 'run b':
          await b.run(value('b'), async () => {
            await Promise.resolve();
            record('in run b');
          });
          break;
        case 'disable b': b.disable(); break;
        case 'read then': thens.push(shared.constructor === Promise ? shared.then : null); break;
        case 'post on the port left behind': port.stale(); break;
        case 'post on a moved port':
          records.push({ step: 'message seen', ...(await port.post(value('m'))) });
          break;
        case 'call a read then': {
          const then = thens.shift() ?? shared.then;
          await new Promise((resolve) => then.call(shared, () => resolve(record('in the callback'))));
          break;
        }
        case 'throw after enter':
          try {
            await (async () => {
              a.enterWith(value('a'));
              await sleep(0);
              throw new Error('thrown');
            })();
          } catch {
            record('caught');
          }
          break;
        case 'reject caught':
          try {
            await Promise.reject(new Error('rejected'));
          } catch {
            record('caught');
          }
          break;
        default: throw new Error(step);
      }
      record(step);
    }
    return records;
  }));
  try {
    return await Promise.all(flows);
  } finally {
    port.close();
    server.close();
  }
}

// A port moved by structuredClone; post(tag) posts tag on the moved one and
// answers, for a and b, what the delivery saw: 'own or none', or another
// flow's store; stale() posts on the port left behind (nothing is sent).
async function movedPort(a, b) {
  const { port1, port2 } = new MessageChannel();
  const moved = structuredClone(port1, { transfer: [port1] });
  const waiting = new Map();
  port2.onmessage = ({ data }) => {
    const wait = waiting.get(data.tag);
    if (!wait) return; // a post the host did send from the port left behind (Bun moves nothing)
    waiting.delete(data.tag);
    const seen = (s, own) => (s.getStore() === undefined || s.getStore() === own ? 'own or none' : s.getStore());
    wait({ a: seen(a, data.a), b: seen(b, data.b) });
  };
  return {
    post(tag) {
      const message = { tag, a: a.getStore(), b: b.getStore() };
      return new Promise((resolve) => {
        waiting.set(tag, resolve);
        moved.postMessage(message);
      });
    },
    stale() {
      if (moved !== port1) port1.postMessage({ tag: 'stale' });
    },
    close() {
      port2.close();
      moved.close();
    },
  };
}

// A node:http server at the root whose request handlers start the flows
// that begin with 'http request': start(kind, delay, body) answers what
// body() answers, run in the handler of a request sent `delay` ms from now
// on one of two keep-alive sockets.
async function requests(program) {
  if (!program.some((flow) => flow.start === 'http request')) return { start: null, close() {} };
  const bodies = new Map();
  const server = http.createServer((req, res) => {
    const { body, resolve } = bodies.get(req.url);
    const result = body();
    resolve(result);
    Promise.resolve(result).finally(() => res.end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  let n = 0;
  return {
    start(kind, delay, body) {
      const path = `/${n++}`;
      return new Promise((resolve, reject) => {
        bodies.set(path, { body, resolve });
        setTimeout(() => http.get({ host: '127.0.0.1', port: server.address().port, path, agent }, (res) => res.resume()).on('error', reject), delay);
      });
    },
    close() {
      agent.destroy();
      server.close();
    },
  };
}

// Where `actual` differs from `expected` in a way the implementation may
// not: anything but an allowed loss (patch carrier, after `await 0` or a
// thenable, until the flow enters that storage again).
const ENTERS = { 'enter a': 'a', 'throw after enter': 'a', 'enter b': 'b' };
function divergence(expected, actual) {
  for (let f = 0; f < expected.length; f++) {
    const lost = { a: false, b: false };
    for (let i = 0; i < expected[f].length; i++) {
      const want = expected[f][i];
      const got = actual[f][i];
      if (!got || got.step !== want.step) return `flow ${f} record ${i}: step ${got?.step} where node has ${want.step}`;
      if (patch && UNHOOKED.has(want.step)) lost.a = lost.b = true;
      if (want.step in ENTERS) lost[ENTERS[want.step]] = false;
      for (const s of ['a', 'b']) {
        if (got[s] === want[s] || (got[s] === '-' && lost[s])) continue;
        return `flow ${f} after "${want.step}" (record ${i}): storage ${s} is ${got[s]}, node has ${want[s]}`;
      }
    }
  }
  return null;
}

const programs = [];
const random = rng(SEED);
for (let p = 0; p < PROGRAMS; p++) programs.push(gen(random));
const expected = [];
for (const program of programs) expected.push(await execute(node, program));

const mod = patch ? await import('als-wasm/browser') : await import('als-wasm');
test(`differential: ${PROGRAMS} programs of root flows on the ${mod.carrier} carrier vs node:async_hooks (seed ${SEED})`, async () => {
  for (let p = 0; p < PROGRAMS; p++) {
    const actual = await execute(mod, programs[p]);
    const wrong = divergence(expected[p], actual);
    if (wrong) throw new Error(`seed ${SEED}, program ${p}: ${wrong}\n  program: ${JSON.stringify(programs[p])}`);
  }
});

const result = await run();
if (result.failed) console.log(`differential seed: ${SEED} (rerun: node differential-async.mjs --seed=${SEED})`);
