// Run from js-tests/integrations/sentry/ with Node, Deno or Bun:
// `node hosts.mjs` (als-wasm/sentry over the host's entry: the native
// carrier) or `node hosts.mjs --control` (@sentry/core's default stack).
// 20 concurrent flows each set a tag and a breadcrumb on their isolation
// scope and a tag on a scope of their own, then read them back after timer,
// microtask and event steps; counts kept / lost / leaked, prints RESULT.
import * as Sentry from '@sentry/core';
import { carrier } from 'als-wasm';
import { setAsyncLocalStorageAsyncContextStrategy } from 'als-wasm/sentry';
import { rng } from '../../support/random.mjs';

const FLOWS = 20;
const control = process.argv.includes('--control');
const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7)) || Date.now() % 1_000_000;
if (!control) setAsyncLocalStorageAsyncContextStrategy();

const steps = [
  (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  () => new Promise((resolve) => queueMicrotask(resolve)),
  (ms) => new Promise((resolve) => {
    const target = new EventTarget();
    target.addEventListener('step', resolve, { once: true });
    setTimeout(() => target.dispatchEvent(new Event('step')), ms);
  }),
];

const c = { kept: 0, lost: 0, leaked: 0 };
const see = (flow, value) => c[value === flow ? 'kept' : value === undefined ? 'lost' : 'leaked']++;

async function flow(i) {
  const next = rng(seed * 100 + i);
  const step = () => steps[Math.floor(next() * steps.length)](Math.floor(next() * 20));
  await Sentry.withIsolationScope(async () => {
    Sentry.setTag('flow', i);
    // On the scope itself: Sentry.addBreadcrumb() needs a client, and this script has none.
    Sentry.getIsolationScope().addBreadcrumb({ message: `flow-${i}`, data: { flow: i } });
    await step();
    await Sentry.withScope(async (scope) => {
      scope.setTag('scope', i);
      for (let k = 0; k < 3; k++) {
        await step();
        const isolation = Sentry.getIsolationScope().getScopeData();
        see(i, isolation.tags.flow);
        see(i, Sentry.getCurrentScope().getScopeData().tags.scope);
        for (const b of isolation.breadcrumbs) if (b.data.flow !== i) c.leaked++;
        c[isolation.breadcrumbs.some((b) => b.data.flow === i) ? 'kept' : 'lost']++;
      }
    });
  });
}

await Promise.all(Array.from({ length: FLOWS }, (_, i) => flow(i + 1)));
const host = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : `node ${process.version}`;
console.log(`INTEGRATION ${JSON.stringify({ build: control ? 'hosts-stack' : 'hosts', host, carrier, sentry: Sentry.SDK_VERSION, seed, flows: FLOWS, ...c })}`);
const ok = control ? c.leaked > 0 : c.lost === 0 && c.leaked === 0 && c.kept === FLOWS * 9;
console.log(`${ok ? 'ok' : 'FAIL'} - sentry ${control ? 'stack: flows see each other\'s scopes' : 'als-wasm/sentry: every flow keeps its own scopes, 0 lost, 0 leaked'}`);
const result = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
console.log(`RESULT ${JSON.stringify(result)}`);
process.exitCode = result.failed;
