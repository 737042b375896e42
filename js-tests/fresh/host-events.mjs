// Events from the host (window messages in a browser, AbortSignal.timeout's
// abort elsewhere; in a Service Worker: fetch, message, push) reach
// listeners the carrier does not wrap. Each starts in the root frame,
// whatever the listener before it entered.
import { test, equal, deepEqual } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';
import { hostEvents, sleep, swallowErrors } from './support.mjs';

test('host: 24 concurrent Service-Worker-style handlers each start with no store', async () => {
  const als = new AsyncLocalStorage();
  const results = await hostEvents(24, async (i) => {
    const first = als.getStore();
    als.enterWith({ request: i });
    await sleep(i % 3);
    await Promise.resolve();
    const later = als.getStore()?.request;
    return { first, later };
  });
  deepEqual(results.map((r) => r.first), Array(24).fill(undefined), 'the first line of each handler');
  deepEqual(results.map((r) => r.later), results.map((_, i) => i), 'each handler after its awaits');
});

test('host: an enterWith in a root timer is gone when the next host event arrives', async () => {
  const als = new AsyncLocalStorage();
  await new Promise((resolve) => setTimeout(() => resolve(als.enterWith({ user: 'ada' })), 0));
  const [seen] = await hostEvents(1, () => als.getStore());
  equal(seen, undefined);
});

test('host: an async handler that enters after its first await leaves nothing for the next handlers', async () => {
  const als = new AsyncLocalStorage();
  let release;
  const shared = new Promise((resolve) => (release = resolve));
  const results = hostEvents(8, async (i) => {
    await shared;
    const first = als.getStore();
    als.enterWith(`request ${i}`);
    await null;
    return { first, own: als.getStore() };
  });
  await sleep(20);
  release();
  const seen = await results;
  deepEqual(seen.map((r) => r.first), Array(8).fill(undefined), 'right after the shared await');
  equal(als.getStore(), undefined);
});

// Apart in time: after an uncaught error, Node runs the other timers due in
// the same pass before any microtask, so with the patch carrier forced there
// a handler's enterWith can reach the next one due then (docs/browser-carrier.md, limits).
test('host: a handler that throws after enterWith leaves nothing for the next one', async () => {
  const als = new AsyncLocalStorage();
  const swallowed = swallowErrors('thrown on purpose');
  const firsts = [];
  await hostEvents(3, (i) => {
    firsts.push(als.getStore());
    als.enterWith(`handler ${i}`);
    if (i < 2) throw new Error('thrown on purpose');
  }, { apart: 20 });
  await sleep(5);
  deepEqual(firsts, [undefined, undefined, undefined]);
  equal(swallowed.length, 2, 'the errors reached the host');
});
