// What als-wasm/plugin promises. In a bundled test app built with
// the plugin (ALS_PLUGIN=1) this module is rewritten like app code, so:
// - every await position keeps the store, `await 5` and thenables included
//   (on hosts whose carrier is exact anyway, and in plain builds, the same
//   cases assert what holds there: kept, or at least never leaked);
// - `await` keeps its semantics: the same value, the same rejection, a
//   thenable's then read once and called once in a later job, a settled
//   value not read again, the same constructor reads.
import { test, equal, ok, deepEqual } from '../support/harness.mjs';
import { AsyncLocalStorage, carrier, exact, plugin } from '../support/subject.mjs';
import { flows, allKept, noLeaks, sleep, storage } from '../support/flows.mjs';

const expectKept = (seen, count) => (exact ? allKept(seen, count) : noLeaks(seen));
const later = (value, ms) => ({ then: (resolve) => setTimeout(() => resolve(value), ms) });

// --- every await position ---------------------------------------------------

test(`plugin: await in arrows, methods, class fields and accessors ${exact ? 'keeps the store' : 'never leaks'}`, async () => {
  class Service {
    field = async (check) => {
      await 1;
      check('class field arrow');
    };

    #secret = 0;

    async method(check) {
      await later(this.#secret, 1);
      check('class method');
      return this.#private(check);
    }

    async #private(check) {
      await null;
      check('private method');
    }

    static async make(check) {
      await undefined;
      check('static method');
      return new Service();
    }

    get pending() {
      return (async () => {
        await 'x';
        return storage.getStore()?.id;
      })();
    }
  }
  const object = {
    async method(check) {
      await later(0, 2);
      check('object method');
    },
  };
  const seen = await flows(4, async (id, check) => {
    const service = await Service.make(check);
    await service.field(check);
    await service.method(check);
    await object.method(check);
    const fromGetter = await service.pending;
    if (exact) equal(fromGetter, id, 'async IIFE in a getter');
    const arrow = async () => {
      await 0;
      check('nested arrow');
    };
    await arrow();
  });
  expectKept(seen, 4 * 6);
});


// The job that settles `yield`'s own await also resumes the body for a next()
// called meanwhile (differential/minimized/concurrent-next.mjs). Deno's own
// AsyncLocalStorage, which carries ours there, loses the store in that job
// (docs/hosts.md); Node keeps it.
const denoCarries = typeof globalThis.Deno !== 'undefined' && carrier !== 'patch';
test(`plugin: an async generator whose next() is called before the last one settled ${exact && !denoCarries ? 'keeps the store' : 'never leaks'}`, async () => {
  async function* values(check) {
    yield 5;
    check('after yield 5');
    yield later(1, 1);
    check('after yield of a thenable');
    await 5;
    yield;
    check('after await 5 and a bare yield');
  }
  const seen = await flows(4, async (id, check) => {
    const it = values(check);
    await Promise.all([it.next(), it.next(), it.next(), it.next()]);
  });
  if (denoCarries) noLeaks(seen);
  else expectKept(seen, 4 * 3);
});
test(`plugin: await inside expressions ${exact ? 'keeps the store' : 'never leaks'}`, async () => {
  const seen = await flows(4, async (id, check) => {
    const text = `${await later('a', 1)}-${await 2}`;
    equal(text, 'a-2');
    check('template literal');
    const sum = (await 1) + (await later(2, 1));
    equal(sum, 3);
    check('binary operands');
    const chosen = (await false) ? await 1 : await later('b', 1);
    equal(chosen, 'b');
    check('conditional');
    const maybe = (await null)?.missing;
    equal(maybe, undefined);
    check('optional chain');
    const made = new (await later(Map, 1))([[1, 2]]);
    equal(made.get(1), 2);
    check('new of an awaited class');
    const args = Math.max(await 1, await later(5, 2), await Promise.resolve(3));
    equal(args, 5);
    check('call arguments');
    const nested = await (await later(later(7, 1), 1));
    equal(nested, 7);
    check('await of an await');
    const sequence = await (1, later(8, 1));
    equal(sequence, 8);
    check('await of a sequence');
  });
  expectKept(seen, 4 * 8);
});

test(`plugin: await in try, catch and finally ${exact ? 'keeps the store' : 'never leaks'}`, async () => {
  const seen = await flows(4, async (id, check) => {
    try {
      await 1;
      check('try');
      await { then: (_, reject) => reject(new Error('no')) };
    } catch (e) {
      equal(e.message, 'no');
      await later(0, 1);
      check('catch');
    } finally {
      await null;
      check('finally');
    }
    const returned = await (async () => {
      try {
        return await later('from try', 1);
      } finally {
        await 5;
        check('finally after a return');
      }
    })();
    equal(returned, 'from try');
  });
  expectKept(seen, 4 * 4);
});

// A custom async iterator whose next() answers plain objects (no promise):
// `for await` and `yield*` await each result.
function counter(limit, log = []) {
  let i = 0;
  return {
    log,
    [Symbol.asyncIterator]() {
      log.push('get iterator');
      return {
        next(...args) {
          log.push(`next(${args.join()})`);
          return i < limit ? { value: i++, done: false } : { value: undefined, done: true };
        },
        return(value) {
          log.push('return');
          return later({ value, done: true }, 1);
        },
        throw(error) {
          log.push(`throw(${error.message})`);
          return { value: 'recovered', done: false };
        },
      };
    },
  };
}

test(`plugin: for await and yield* over custom async iterators ${exact ? 'keep the store' : 'never leak'}`, async () => {
  async function* delegating(check) {
    yield* counter(2);
    check('after yield*');
    await 1;
    yield 'own';
  }
  const seen = await flows(3, async (id, check) => {
    const values = [];
    for await (const value of counter(3)) {
      values.push(value);
      check('for await body');
    }
    check('after for await');
    for await (const value of delegating(check)) values.push(value);
    check('after the delegating loop');
    const log = [];
    for await (const value of counter(5, log)) {
      if (value === 1) break;
    }
    check('after break');
    deepEqual(values, [0, 1, 2, 0, 1, 'own']);
    deepEqual(log, ['get iterator', 'next()', 'next()', 'return']);
  });
  expectKept(seen, 3 * 7);
});

test('plugin: yield* forwards next arguments and throw to the inner iterator', async () => {
  const inner = counter(3);
  async function* outer() {
    return yield* inner;
  }
  const gen = outer();
  equal((await gen.next('ignored')).value, 0);
  equal((await gen.next('a')).value, 1);
  const thrown = await gen.throw(new Error('t'));
  equal(thrown.value, 'recovered');
  deepEqual(inner.log, ['get iterator', 'next()', 'next(a)', 'throw(t)']);
});

test(`plugin: an AdonisJS-style pipeline with await null before a getter ${exact ? 'finds the context' : 'never sees another request'}`, async () => {
  // HttpContext.getOrFail() after middleware whose next() answers undefined.
  const context = new AsyncLocalStorage();
  const getOrFail = () => {
    const ctx = context.getStore();
    if (!ctx) throw new Error('HttpContext is not available');
    return ctx;
  };
  const middleware = [
    async (ctx, next) => {
      await null;
      await next();
    },
    async (ctx, next) => {
      ctx.user = await later({ name: `user ${ctx.id}` }, 3 - ctx.id);
      await next();
    },
  ];
  const controller = async () => {
    await 0;
    return getOrFail().user.name;
  };
  const handle = (ctx) => {
    const step = (i) => (i < middleware.length ? middleware[i](ctx, () => step(i + 1)) : undefined);
    return context.run(ctx, async () => {
      await step(0);
      try {
        return await controller();
      } catch (e) {
        return e.message;
      }
    });
  };
  const answers = await Promise.all([1, 2, 3].map((id) => handle({ id })));
  for (const [i, answer] of answers.entries()) {
    if (exact) equal(answer, `user ${i + 1}`);
    else ok(answer === `user ${i + 1}` || answer === 'HttpContext is not available', `request ${i + 1} answered ${answer}`);
  }
});

test(`plugin: an enterWith after await 5 stays in its own flow ${exact ? '' : '(a limit without the plugin: checked for flows in run only)'}`.trim(), async () => {
  const other = new AsyncLocalStorage();
  const seen = await flows(4, async (id, check) => {
    await 5;
    other.enterWith(id);
    await 5;
    if (exact) equal(other.getStore(), id, 'own enterWith');
    check('after enterWith');
  });
  expectKept(seen, 4);
});

// --- semantics of await -----------------------------------------------------

test('plugin: await answers the same values and rejections', async () => {
  equal(await 5, 5);
  equal(await undefined, undefined);
  const object = { a: 1 };
  equal(await object, object);
  equal(await Promise.resolve(object), object);
  equal(await later(object, 1), object);
  const reason = new Error('reason');
  for (const rejected of [Promise.reject(reason), { then: (_, reject) => reject(reason) }]) {
    try {
      await rejected;
      ok(false, 'should have thrown');
    } catch (e) {
      equal(e, reason);
    }
  }
  const thrower = { then() { throw reason; } };
  try {
    await thrower;
    ok(false, 'should have thrown');
  } catch (e) {
    equal(e, reason, 'a throwing then rejects with its error');
  }
  equal(await later(later('deep', 1), 1), 'deep', 'a thenable resolving to a thenable is adopted');
});

test('plugin: a thenable\'s then is read once and called once, in a later job, with two functions', async () => {
  const log = [];
  let sync = true;
  const thenable = {
    get then() {
      log.push(`read (sync: ${sync})`);
      return function (resolve, reject) {
        log.push(`call (sync: ${sync}, this ok: ${this === thenable}, ${typeof resolve}, ${typeof reject})`);
        resolve('v');
        resolve('ignored');
      };
    },
  };
  const awaiting = (async () => await thenable)();
  sync = false;
  equal(await awaiting, 'v');
  deepEqual(log, ['read (sync: true)', 'call (sync: false, this ok: true, function, function)']);
});

// Node calls an awaited thenable's then in the awaiting flow (the
// differential test found the browser calling it in none).
test(`plugin: an awaited thenable's then runs in the awaiting flow ${exact ? '' : '(or with no store)'}`.trim(), async () => {
  const s = new AsyncLocalStorage();
  const seen = [];
  const thenable = (name) => ({
    then(resolve) {
      seen.push([name, s.getStore() ?? null]);
      setTimeout(() => resolve(name), 0);
    },
  });
  const inAsync = (name) => s.run(name, async () => await thenable(name));
  async function* inGenerator(name) {
    yield await thenable(name);
  }
  const viaGenerator = (name) => s.run(name, async () => {
    for await (const v of inGenerator(name)) return v;
  });
  deepEqual(await Promise.all([inAsync('a'), inAsync('b'), viaGenerator('g1'), viaGenerator('g2')]), ['a', 'b', 'g1', 'g2']);
  for (const [name, store] of seen) {
    if (exact) equal(store, name, `then of ${name}`);
    else ok(store === name || store === null, `then of ${name} saw ${store}`);
  }
});

test('plugin: a settled value is not read again, a promise\'s constructor is read once', async () => {
  let thenReads = 0;
  const value = {
    get then() {
      thenReads++;
      return undefined;
    },
  };
  const settled = Promise.resolve(value);
  thenReads = 0;
  equal(await settled, value);
  // Without the plugin the patch carrier's slow path resolves a promise
  // with the value, which reads its then once more (docs/browser-carrier.md, limits).
  equal(thenReads, carrier === 'patch' && !plugin ? 1 : 0, 'then reads of the settled value');

  // A promise whose constructor is another class: read by the await, then
  // by then()'s species lookup, as in engines without any library. (One
  // answering the global Promise cannot be tested alike: with the patch
  // carrier that is a stand-in, never %Promise% itself.)
  class Sub extends Promise {}
  let constructorReads = 0;
  const promise = Promise.resolve(1);
  Object.defineProperty(promise, 'constructor', {
    get() {
      constructorReads++;
      return Sub;
    },
  });
  equal(await promise, 1);
  equal(constructorReads, 2, 'constructor reads');
});

// Without the plugin the patch carrier's slow path makes `await p` two
// ticks longer than `await 5`, so the order changes there (docs/plugin.md).
if (exact) test('plugin: awaits resume in the order they began', async () => {
  const order = [];
  const one = async (name, value) => {
    await value;
    order.push(name);
  };
  await Promise.all([one('a', 5), one('b', later(0, 0)), one('c', Promise.resolve()), one('d', null), sleep(5)]);
  ok(order.indexOf('a') < order.indexOf('c') && order.indexOf('c') < order.indexOf('d'), order.join());
  equal(order.length, 4);
});

// Whether the patch carrier hooks every await: its constructor accessor is on.
const awaitsHooked = () => typeof Object.getOwnPropertyDescriptor(Promise.prototype, 'constructor')?.get === 'function';

// Ticks between an await and its continuation, counted by a microtask chain
// started just before it.
async function ticksOf(awaitIt) {
  let ticks = 0;
  let counting = true;
  const step = () => {
    if (!counting) return;
    ticks++;
    queueMicrotask(step);
  };
  queueMicrotask(step);
  await awaitIt();
  counting = false;
  return ticks;
}

if (plugin && carrier === 'patch') {
  // An async function's awaits are bracketed in place, with no job of ours.
  test('plugin: a rewritten await in an async function costs no tick more than a plain one, the carrier\'s slow path two', async () => {
    // new Function: code the plugin never saw.
    const plain = new Function('value', 'return (async () => { await value; })()');
    const settled = Promise.resolve();
    const ticks = {
      rewritten5: await ticksOf(async () => { await 5; }),
      rewrittenSettled: await ticksOf(async () => { await settled; }),
      plain5: await ticksOf(() => plain(5)),
      plainSettled: await ticksOf(() => plain(settled)),
    };
    // Each count includes the tick of the wrapper's own return.
    deepEqual(
      {
        rewritten5: ticks.rewritten5 - ticks.plain5,
        rewrittenSettled: ticks.rewrittenSettled - ticks.plain5,
        slowPath: ticks.plainSettled - ticks.plain5,
      },
      // With the hook off (awaitHook: false) no await takes the slow path.
      { rewritten5: 0, rewrittenSettled: 0, slowPath: awaitsHooked() ? 2 : 0 },
      JSON.stringify(ticks),
    );
  });
}

if (plugin && carrier === 'patch' && !awaitsHooked()) {
  // With the hook off the carrier leaves Promise.prototype as the engine
  // made it (SpiderMonkey's fast await wants its own then); the bundle's
  // then, catch and finally calls are rewritten to keep their callbacks' flow.
  test('plugin: with the hook off Promise.prototype keeps the engine\'s then, catch and finally, and the calls keep the store', async () => {
    for (const name of ['then', 'catch', 'finally']) {
      ok(Function.prototype.toString.call(Promise.prototype[name]).includes('[native code]'), `Promise.prototype.${name} is the engine's`);
    }
    const maybe = (id) => (id > 1 ? Promise.resolve(id) : undefined);
    allKept(
      await flows(3, async (id, check) => {
        const settled = Promise.resolve(id);
        const pending = new Promise((resolve) => setTimeout(resolve, 4 - id));
        await Promise.all([
          settled.then(() => check('then')),
          Promise.reject(new Error('no')).catch(() => check('catch')),
          pending.finally(() => check('finally')),
          // biome-ignore lint/complexity/useLiteralKeys: a computed call is rewritten too
          pending['then'](() => check('computed then')),
          (maybe(id)?.then(() => check('optional then')) ?? check('optional then, nothing to call')),
          settled.then(() => pending).then(() => check('a chain')),
        ]);
      }),
      18,
    );
  });

  // What it gives up (docs/plugin.md): a then called other than as a method
  // of its receiver runs its callback with no store, never another flow's.
  test('plugin: with the hook off a then called through call() runs its callback with no store, never another flow\'s', async () => {
    const { then } = Promise.prototype;
    const seen = await flows(3, async (id, check) => {
      await then.call(new Promise((resolve) => setTimeout(resolve, 4 - id)), () => check('then.call'));
    });
    equal(seen.length, 3);
    ok(seen.every((s) => s.seen === undefined), JSON.stringify(seen));
  });
}
