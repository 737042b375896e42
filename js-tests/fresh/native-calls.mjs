// User code that a native promise method runs: a subclass constructor that
// then() or Promise.resolve() constructs, a `then` getter that
// Promise.resolve() reads. Node runs it in the caller's store, and so must
// the async work it starts (an await of a promise, a timer).
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';

// Starts async work and answers what it sees after an await of a promise.
const laterStore = (als) => (async () => {
  await Promise.resolve();
  return als.getStore();
})();

test('native-calls: async work started by a subclass constructor that then() runs keeps the caller\'s store', async () => {
  const als = new AsyncLocalStorage();
  const started = [];
  class Traced extends Promise {
    constructor(executor) {
      super(executor);
      started.push(laterStore(als));
    }
  }
  const p = Traced.resolve(1);
  started.length = 0;
  await als.run('caller', () => {
    p.then(() => {});
  });
  equal(started.length, 1, 'then() constructed one');
  equal(await started[0], 'caller');
});

test('native-calls: async work started by a then getter that Promise.resolve() reads keeps the caller\'s store', async () => {
  const als = new AsyncLocalStorage();
  let started;
  const thenable = {
    get then() {
      started = laterStore(als);
      return undefined;
    },
  };
  // Not awaited: the patch carrier's await of the result would read then
  // once more (docs/browser-carrier.md, limits).
  als.run('caller', () => {
    Promise.resolve(thenable);
  });
  equal(await started, 'caller');
});

test('native-calls: async work started by a species getter that then() reads keeps the caller\'s store', async () => {
  const als = new AsyncLocalStorage();
  let started;
  class Sub extends Promise {
    static get [Symbol.species]() {
      started = laterStore(als);
      return Promise;
    }
  }
  const p = Sub.resolve(1);
  await als.run('caller', () => p.then(() => {}));
  equal(await started, 'caller');
});
