// A promise's own `then`, read by user code in one flow and called later by
// another: what many promise utilities do (`p.constructor === Promise ?
// p.then : …`, keep the function, call it on another path). Node 24 runs
// the callback in the caller's flow; what it starts (an `await 5`, a
// thenable it resolves) must never see the reader's store.
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage, exact, thenLeftToEngine } from '../support/subject.mjs';
import { sleep } from './support.mjs';

// Reads p.then in `reader`'s flow the way an `await` would (constructor
// first), inside an async function past an await or not.
function readThen(als, reader, p, { afterAwait }) {
  return als.run(reader, async () => {
    if (afterAwait) await null;
    return p.constructor === Promise ? p.then : null;
  });
}

// Calls `then` on p from a timer, in `caller`'s flow (undefined: the root),
// and answers what its callback sees: first, after an `await 5`, after
// awaiting a thenable, and in a timer it schedules.
function callLater(als, then, p, caller) {
  return new Promise((resolve) => {
    setTimeout(() => {
      const call = () =>
        then.call(p, async () => {
          const first = als.getStore();
          await 5;
          const afterAwait5 = als.getStore();
          await { then: (ok) => ok() };
          const afterThenable = als.getStore();
          setTimeout(() => resolve({ first, afterAwait5, afterThenable, inTimer: als.getStore() }), 0);
        });
      if (caller === undefined) call();
      else als.run(caller, call);
    }, 1);
  });
}

for (const afterAwait of [false, true]) {
  const where = afterAwait ? ' (read past an await)' : '';
  for (const caller of [undefined, 'B']) {
    const from = caller === undefined ? 'the root' : 'another flow';
    test(`handed-then: a then read in one flow and called from ${from} runs in the caller's flow${where}`, async () => {
      const als = new AsyncLocalStorage();
      const p = Promise.resolve(1);
      const then = await readThen(als, 'A', p, { afterAwait });
      await sleep(2);
      const seen = await callLater(als, then, p, caller);
      // With the hook off (thenLeftToEngine) this then is the engine's: its
      // callback runs with no store, never A's.
      const expected = thenLeftToEngine ? undefined : caller;
      equal(seen.first, expected, 'the callback');
      // The patch carrier loses the store at `await 5` and thenables unless
      // the plugin rewrote the code: the caller's store, or none, never A's.
      equal(seen.afterAwait5, exact ? expected : undefined, 'after await 5');
      equal(seen.afterThenable, exact ? expected : undefined, 'after a thenable');
      equal(seen.inTimer, exact ? expected : undefined, 'in a timer it scheduled');
    });
  }
}

test('handed-then: a then read by a flow and called by it in the next job stays in that flow', async () => {
  const als = new AsyncLocalStorage();
  const p = Promise.resolve(1);
  const seen = await als.run('A', () => {
    const then = p.constructor === Promise ? p.then : null;
    return new Promise((resolve) => queueMicrotask(() => then.call(p, () => resolve(als.getStore()))));
  });
  equal(seen, thenLeftToEngine ? undefined : 'A');
});

test('handed-then: many reads handed to other flows never cross', async () => {
  const als = new AsyncLocalStorage();
  const p = Promise.resolve(1);
  const thens = [];
  for (let i = 0; i < 8; i++) thens.push(await readThen(als, `reader ${i}`, p, { afterAwait: i % 2 === 1 }));
  const seen = await Promise.all(
    thens.map((then, i) => new Promise((resolve) => setTimeout(() => als.run(`caller ${i}`, () => then.call(p, () => resolve(als.getStore()))), i % 3))),
  );
  equal(seen.join(), thens.map((_, i) => (thenLeftToEngine ? undefined : `caller ${i}`)).join());
});
