// Reactions registered through the engine's own then, captured before the
// import (as polyfills and instrumentation loaded first keep it): the
// carrier cannot wrap them, so they run with no store, and must never run
// in a store some other code left behind, or inside a bracket that was not
// an await's.
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage, carrier } from '../support/subject.mjs';
import { sleep } from './support.mjs';

const engineThen = globalThis.__engineThen;

// Answers what a reaction on `promise` registered from the root through the
// engine's then sees, and what a timer it schedules sees.
function observe(als, promise) {
  return new Promise((resolve) => {
    engineThen.call(promise, () => {
      const inReaction = als.getStore();
      setTimeout(() => resolve({ inReaction, inTimer: als.getStore() }), 0);
    });
  });
}

// The plugin rewrites awaits, not then calls: with the patch carrier these
// see no store, rewritten or not.
const exact = carrier !== 'patch';

test(`engine-then: callbacks ${exact ? 'keep the store' : 'see no store'} of the flow that registered them`, async () => {
  const als = new AsyncLocalStorage();
  const seen = await als.run('mine', () => new Promise((resolve) => engineThen.call(Promise.resolve(), () => resolve(als.getStore()))));
  equal(seen, exact ? 'mine' : undefined);
});

test('engine-then: resolving with a subclass instance in a context brackets nothing', async () => {
  class Sub extends Promise {}
  const als = new AsyncLocalStorage();
  let outer;
  als.run('A', () => {
    outer = new Promise((resolve) => resolve(Sub.resolve(1)));
  });
  const seen = await observe(als, outer);
  equal(seen.inReaction, undefined, 'the reaction');
  equal(seen.inTimer, undefined, 'a timer it scheduled');
});

test('engine-then: an async function returning a subclass instance in a context brackets nothing', async () => {
  class Sub extends Promise {}
  const als = new AsyncLocalStorage();
  const outer = als.run('A', async () => Sub.resolve(1));
  const seen = await observe(als, outer);
  equal(seen.inReaction, undefined, 'the reaction');
  equal(seen.inTimer, undefined, 'a timer it scheduled');
});

test('engine-then: resolving with a promise whose constructor user code read brackets nothing', async () => {
  const als = new AsyncLocalStorage();
  const q = Promise.resolve(1);
  let outer;
  als.run('A', () => {
    if (q.constructor !== Promise) throw new Error('constructor identity');
    outer = new Promise((resolve) => resolve(q));
  });
  const seen = await observe(als, outer);
  equal(seen.inReaction, undefined, 'the reaction');
  equal(seen.inTimer, undefined, 'a timer it scheduled');
});

test('engine-then: an enterWith in a root timer is not seen by a later reaction', async () => {
  const als = new AsyncLocalStorage();
  await new Promise((resolve) => setTimeout(() => resolve(als.enterWith('left')), 0));
  await sleep(1);
  const seen = await observe(als, Promise.resolve());
  equal(seen.inReaction, undefined);
});
