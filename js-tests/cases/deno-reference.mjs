// Examples from the Deno AsyncLocalStorage reference
// (/work/shared/seeds/deno-asynclocalstorage-reference.md) and the sync parts of
// the AdonisJS v6 "Async local storage" guide; console.log / "Returns ..."
// comments turned into assertions.
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';

test('deno-reference: exit example', () => {
  const asyncLocalStorage = new AsyncLocalStorage();
  const store = { id: 1 };
  asyncLocalStorage.run(store, () => {
    let caught = false;
    // Within a call to run
    try {
      equal(asyncLocalStorage.getStore(), store); // Returns the store object or value
      asyncLocalStorage.exit(() => {
        equal(asyncLocalStorage.getStore(), undefined); // Returns undefined
        throw new Error();
      });
    } catch (e) {
      equal(asyncLocalStorage.getStore(), store); // Returns the same object or value
      // The error will be caught here
      caught = e instanceof Error;
    }
    equal(caught, true);
  });
  equal(asyncLocalStorage.getStore(), undefined);
});

test('deno-reference: enterWith example', () => {
  const asyncLocalStorage = new AsyncLocalStorage();
  asyncLocalStorage.run('wrapper', () => {
    const store = { id: 1 };
    // Replaces previous store with the given store object
    asyncLocalStorage.enterWith(store);
    equal(asyncLocalStorage.getStore(), store); // Returns the store object
  });
  equal(asyncLocalStorage.getStore(), undefined);
});

test('deno-reference: enterWith with event handlers example', () => {
  // A minimal synchronous emitter standing in for node:events.
  const emitter = {
    handlers: [],
    on(_name, h) {
      this.handlers.push(h);
    },
    emit() {
      for (const h of this.handlers) h();
    },
  };
  const asyncLocalStorage = new AsyncLocalStorage();
  asyncLocalStorage.run('wrapper', () => {
    asyncLocalStorage.exit(() => {
      const store = { id: 1 };
      let seenBySecond;
      emitter.on('my-event', () => {
        asyncLocalStorage.enterWith(store);
      });
      emitter.on('my-event', () => {
        seenBySecond = asyncLocalStorage.getStore(); // Returns the same object
      });
      equal(asyncLocalStorage.getStore(), undefined); // Returns undefined
      emitter.emit('my-event');
      equal(seenBySecond, store);
      equal(asyncLocalStorage.getStore(), store); // Returns the same object
    });
  });
  equal(asyncLocalStorage.getStore(), undefined);
});

test('deno-reference: run example (sync part)', () => {
  const asyncLocalStorage = new AsyncLocalStorage();
  const store = { id: 2 };
  let caught = false;
  try {
    asyncLocalStorage.run(store, () => {
      equal(asyncLocalStorage.getStore(), store); // Returns the store object
      throw new Error();
    });
    // biome-ignore lint/correctness/noUnusedVariables: as Deno's reference page writes it
  } catch (e) {
    equal(asyncLocalStorage.getStore(), undefined); // Returns undefined
    // The error will be caught here
    caught = true;
  }
  equal(caught, true);
});

test('deno-reference: snapshot example', () => {
  const asyncLocalStorage = new AsyncLocalStorage();
  const runInAsyncScope = asyncLocalStorage.run(123, () => AsyncLocalStorage.snapshot());
  const result = asyncLocalStorage.run(321, () => runInAsyncScope(() => asyncLocalStorage.getStore()));
  equal(result, 123); // console.log(result);  // returns 123
});

test('deno-reference: snapshot replaces AsyncResource (Foo)', () => {
  const asyncLocalStorage = new AsyncLocalStorage();
  class Foo {
    #runInAsyncScope = AsyncLocalStorage.snapshot();

    get() { return this.#runInAsyncScope(() => asyncLocalStorage.getStore()); }
  }

  const foo = asyncLocalStorage.run(123, () => new Foo());
  equal(asyncLocalStorage.run(321, () => foo.get()), 123); // returns 123
});

test('deno-reference: logWithId (sync part)', () => {
  const asyncLocalStorage = new AsyncLocalStorage();
  const lines = [];
  function logWithId(msg) {
    const id = asyncLocalStorage.getStore();
    lines.push(`${id !== undefined ? id : '-'}: ${msg}`);
  }
  let idSeq = 0;
  const handle = () => asyncLocalStorage.run(idSeq++, () => logWithId('start'));
  handle();
  handle();
  logWithId('outside');
  equal(lines.join('|'), '0: start|1: start|-: outside');
});

test('adonisjs: state shared with a service without passing it (sync part)', () => {
  const storage = new AsyncLocalStorage();
  const seen = [];
  class UserService {
    get() {
      const state = storage.getStore();
      seen.push(`The user id is ${state.user.id}`);
    }
  }
  function run(user) {
    const state = { user };
    return storage.run(state, () => {
      const userService = new UserService();
      userService.get();
    });
  }
  run({ id: 1 });
  run({ id: 2 });
  run({ id: 3 });
  equal(seen.join('|'), 'The user id is 1|The user id is 2|The user id is 3');
  equal(storage.getStore(), undefined);
});

test('adonisjs: top-level access holds the first value (the caveat)', () => {
  const storage = new AsyncLocalStorage();
  // "module" evaluated once, inside the first request
  let moduleCtx;
  const loadModule = () => {
    if (moduleCtx === undefined) moduleCtx = { ctx: storage.getStore() };
    return moduleCtx;
  };
  storage.run({ req: 1 }, () => loadModule());
  const second = storage.run({ req: 2 }, () => [loadModule().ctx.req, storage.getStore().req]);
  equal(second[0], 1); // stale: the module captured request 1
  equal(second[1], 2); // correct: getStore() inside the method
});
