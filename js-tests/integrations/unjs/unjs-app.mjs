// The unjs page: unenv's AsyncLocalStorage (1.10.0, npm's latest, and
// 2.0.0-rc.24, the one Nitro and wrangler use) and unctx's async context,
// each under 20 concurrent flows of random native awaits, fetches, timers and
// events (steps.mjs). Which AsyncLocalStorage they got depends on the entry
// (entry-*.mjs: als-wasm/global first, late, or absent); UNJS_BUILD names the
// build (build.mjs) and says what must hold.
import { AsyncLocalStorage as Unenv1 } from 'unenv/runtime/node/async_hooks/index';
import { AsyncLocalStorage as Unenv2 } from 'unenv-2/node/async_hooks';
import { createContext } from 'unctx';
import { concurrentFlows } from './steps.mjs';

const BUILD = UNJS_BUILD;
const FLOWS = 20;
const ROUNDS = 8;

// kept: every check keeps its flow's value. lost: the value is there before
// the first await and gone after every one (unenv's sync-only fallback,
// unctx without AsyncLocalStorage). Never leaked, in any build.
const RIGHT = { unenvIsOurs: true, unenv: 'kept', unctx: 'kept', unctxOverUnenv: 'kept', alsWarning: false, unctxWarning: false };
const LATE = { unenvIsOurs: false, unenv: 'lost', unctx: 'kept', unctxOverUnenv: 'lost', unctxWarning: false };
const EXPECT = {
  first: RIGHT,
  'first-plugin': RIGHT,
  // Without the plugin nothing says a word: unenv silently keeps its fallback.
  late: { ...LATE, alsWarning: false },
  // With it, als-wasm/global prints what to do.
  'late-plugin': { ...LATE, alsWarning: true },
  control: { unenvIsOurs: false, unenv: 'lost', unctx: 'lost', unctxOverUnenv: 'lost', alsWarning: false, unctxWarning: true },
};

function subjects() {
  const unenv = (Class) => {
    const storage = new Class();
    return { start: (id, body) => storage.run({ id }, body), read: () => storage.getStore()?.id };
  };
  // unctx keeps instances in a WeakRef under AsyncLocalStorage: the flows
  // hold theirs here.
  const instances = [];
  const unctx = (options) => {
    const ctx = createContext({ asyncContext: true, ...options });
    return {
      start: (id, body) => ctx.callAsync((instances[id] = { id }), body),
      read: () => ctx.tryUse()?.id,
    };
  };
  return [
    ['unenv', 'unenv 1.10.0 AsyncLocalStorage run()', unenv(Unenv1)],
    ['unenv', 'unenv 2.0.0-rc.24 AsyncLocalStorage run()', unenv(Unenv2)],
    ['unctx', 'unctx createContext({ asyncContext: true }).callAsync()', unctx({})],
    // As Nitro does: the AsyncLocalStorage its node:async_hooks (unenv) gives.
    ['unctxOverUnenv', 'unctx callAsync() over unenv\'s class', unctx({ AsyncLocalStorage: Unenv2 })],
  ];
}

export async function main({ ours }) {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push([name, ok, detail]);
  try {
    const expect = EXPECT[BUILD];
    const seed = Number(new URLSearchParams(location.search).get('seed')) || Math.floor(Math.random() * 1_000_000);
    console.log(`unjs ${BUILD}: seed ${seed} (replay with ?seed=${seed})`);

    const global = globalThis.AsyncLocalStorage;
    const isOurs = (Class) => ours !== undefined && Class === ours && Class === global;
    const fallback = (Class) => new Class().__unenv__ === true;
    for (const [name, Class] of [['unenv 1.10.0', Unenv1], ['unenv 2.0.0-rc.24', Unenv2]]) {
      if (expect.unenvIsOurs) check(`${name}'s AsyncLocalStorage is als-wasm's (globalThis.AsyncLocalStorage)`, isOurs(Class) && !fallback(Class));
      else check(`${name}'s AsyncLocalStorage is its own sync-only fallback`, fallback(Class) && !isOurs(Class));
    }

    for (const [kind, name, subject] of subjects()) {
      const counts = await concurrentFlows({ count: FLOWS, rounds: ROUNDS, seed, ...subject });
      const { leaks, ...numbers } = counts;
      console.log(`INTEGRATION ${JSON.stringify({ build: BUILD, subject: name, seed, flows: FLOWS, ...numbers })}`);
      if (leaks.length) console.log(`  leaks: ${leaks.join('; ')}`);
      check(`${name}: no flow sees another flow's value (0 leaked)`, counts.leaked === 0, `${counts.leaked} leaked`);
      if (expect[kind] === 'kept') {
        check(`${name}: every check keeps its flow's value (${counts.checks})`, counts.kept === counts.checks, `kept ${counts.kept}, lost ${counts.lost}`);
      } else {
        check(`${name}: the value is there before the first await (${FLOWS}) and lost after every await`,
          counts.kept === FLOWS && counts.afterAwait.lost === counts.checks - FLOWS, `kept ${counts.kept}, lost after an await ${counts.afterAwait.lost}`);
      }
    }

    const warnings = globalThis.__warnings ?? [];
    const als = warnings.filter((w) => w.startsWith('[als-wasm]'));
    if (expect.alsWarning) {
      check('als-wasm/global warns that unenv read the global before it, and says to import it first',
        als.length === 1 && /^\[als-wasm\] unenv\b.* read globalThis\.AsyncLocalStorage before 'als-wasm\/global'/.test(als[0]) &&
          als[0].includes("Make `import 'als-wasm/global'` the first import of your entry module"), JSON.stringify(als));
    } else {
      check('no als-wasm warning', als.length === 0, JSON.stringify(als));
    }
    const unctxWarned = warnings.some((w) => w.includes('[unctx] `AsyncLocalStorage` is not provided'));
    check(`unctx ${expect.unctxWarning ? 'warns' : 'does not warn'} that AsyncLocalStorage is not provided`, unctxWarned === expect.unctxWarning);
  } catch (e) {
    check(`the page ran (${e?.stack ?? e})`, false);
  }

  let passed = 0;
  let failed = 0;
  for (const [name, ok, detail] of checks) {
    console.log(`${ok ? 'ok' : 'FAIL'} - unjs ${BUILD}: ${name}${ok || !detail ? '' : ` (${detail})`}`);
    if (ok) passed++;
    else failed++;
  }
  const result = { passed, failed };
  console.log(`RESULT ${JSON.stringify(result)}`);
  globalThis.__alsResult = result;
}
