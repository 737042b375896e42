// Root behaviour of enterWith: each case runs in a fresh realm (a
// new process or page), since a frame left behind by an earlier case hides
// exactly the bug these look for. Every case holds on Node 24's own
// AsyncLocalStorage too.
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';
import { sleep, swallowErrors } from './support.mjs';

// Node's async-hooks/test-async-local-storage-enter-with.js, with a timer
// where the host has no setImmediate.
test('root: an enterWith in a root timer reaches its own later timer, not another root timer', async () => {
  const als = new AsyncLocalStorage();
  const store = { foo: 'bar' };
  const seen = {};
  const schedule = globalThis.setImmediate ?? ((fn) => setTimeout(fn, 0));
  const done = new Promise((resolve) => {
    schedule(() => {
      als.enterWith(store);
      seen.inside = als.getStore();
      setTimeout(() => {
        seen.own = als.getStore();
      }, 10);
    });
    setTimeout(() => {
      seen.other = als.getStore();
      setTimeout(resolve, 20);
    }, 10);
  });
  await done;
  equal(seen.inside, store, 'synchronously after enterWith');
  equal(seen.own, store, 'a timer scheduled after enterWith');
  equal(seen.other, undefined, 'a root timer scheduled before');
});

// Node's parallel/test-async-local-storage-enter-with.js.
test('root: an enterWith after an await or inside then does not reach the awaiting caller', async () => {
  const als = new AsyncLocalStorage();
  async function afterAwait() {
    await 0;
    als.enterWith('after await');
  }
  function insideThen() {
    return Promise.resolve().then(() => {
      als.enterWith('inside then');
    });
  }
  async function beforeAwait() {
    als.enterWith('before await');
    await 0;
  }
  await afterAwait();
  equal(als.getStore(), undefined, 'after await afterAwait()');
  await insideThen();
  equal(als.getStore(), undefined, 'after await insideThen()');
  // Node's documented limit: an enterWith before the first await runs in the caller's frame.
  await beforeAwait();
  equal(als.getStore(), 'before await', 'after await beforeAwait()');
});

test('root: an enterWith in a root then-callback does not reach another root then-callback', async () => {
  const als = new AsyncLocalStorage();
  let seen = 'unset';
  const first = Promise.resolve().then(() => als.enterWith('first'));
  const second = Promise.resolve().then(() => {
    seen = als.getStore();
  });
  await Promise.all([first, second]);
  equal(seen, undefined);
  equal(als.getStore(), undefined, 'the awaiting root code');
});

test('root: an enterWith in a root queueMicrotask callback does not reach the next one', async () => {
  const als = new AsyncLocalStorage();
  const seen = [];
  await new Promise((resolve) => {
    queueMicrotask(() => {
      seen.push(als.getStore());
      als.enterWith('first');
    });
    queueMicrotask(() => {
      seen.push(als.getStore());
      resolve();
    });
  });
  equal(seen.join(), ',');
  equal(als.getStore(), undefined);
});

test('root: an enterWith in a setInterval tick lasts for that tick only', async () => {
  const als = new AsyncLocalStorage();
  const seen = [];
  await new Promise((resolve) => {
    let tick = 0;
    const timer = setInterval(() => {
      seen.push(als.getStore());
      als.enterWith(`tick ${++tick}`);
      if (tick === 3) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  equal(seen.join('|'), '||');
  equal(als.getStore(), undefined);
});

test('root: a root timer that throws after enterWith leaves nothing behind', async () => {
  const als = new AsyncLocalStorage();
  const swallowed = swallowErrors('thrown on purpose');
  let seen = 'unset';
  setTimeout(() => {
    als.enterWith('thrower');
    throw new Error('thrown on purpose');
  }, 0);
  await sleep(5);
  await new Promise((resolve) => setTimeout(() => resolve((seen = als.getStore())), 0));
  equal(swallowed.length, 1, 'the error reached the host');
  equal(seen, undefined);
});

test('root: a then-callback that throws after enterWith leaves nothing behind', async () => {
  const als = new AsyncLocalStorage();
  const failed = Promise.resolve().then(() => {
    als.enterWith('thrower');
    throw new Error('no');
  });
  let seen = 'unset';
  const other = Promise.resolve().then(() => {
    seen = als.getStore();
  });
  await failed.catch(() => equal(als.getStore(), undefined, 'in the catch callback'));
  await other;
  equal(seen, undefined, 'another root then-callback');
  equal(als.getStore(), undefined, 'after the awaits');
});

test('root: disable() in a root callback reaches neither the root nor other callbacks', async () => {
  const als = new AsyncLocalStorage();
  const seen = {};
  await new Promise((resolve) => {
    setTimeout(() => {
      als.enterWith('a');
      setTimeout(() => (seen.ownLater = als.getStore()), 1);
      als.disable();
      seen.afterDisable = als.getStore();
      setTimeout(resolve, 5);
    }, 0);
    setTimeout(() => (seen.other = als.getStore()), 2);
  });
  equal(seen.afterDisable, undefined, 'after disable()');
  // disable() edits the frame the later timer captured too (Node 24).
  equal(seen.ownLater, undefined, 'a timer scheduled before disable()');
  equal(seen.other, undefined, 'another root timer');
  equal(als.getStore(), undefined);
});

test('root: a withScope left open in a root timer does not reach another root timer', async () => {
  const als = new AsyncLocalStorage();
  let seen = 'unset';
  await new Promise((resolve) => {
    setTimeout(() => {
      als.withScope('scoped');
    }, 0);
    setTimeout(() => resolve((seen = als.getStore())), 2);
  });
  equal(seen, undefined);
  equal(als.getStore(), undefined);
});
