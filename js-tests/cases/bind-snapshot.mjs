// AsyncLocalStorage.bind and AsyncLocalStorage.snapshot (synchronous parts).
import { test, equal, deepEqual, ok } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';

test('bind: bound function runs in the context of bind time', () => {
  const als = new AsyncLocalStorage();
  const bound = als.run('bound', () => AsyncLocalStorage.bind(() => als.getStore()));
  equal(bound(), 'bound');
  als.run('other', () => equal(bound(), 'bound'));
  equal(als.getStore(), undefined);
});

test('bind: bound outside any scope sees undefined even when called inside one', () => {
  const als = new AsyncLocalStorage();
  const bound = AsyncLocalStorage.bind(() => als.getStore());
  als.run('x', () => equal(bound(), undefined));
});

test('bind: keeps this, args, return value and length', () => {
  const als = new AsyncLocalStorage();
  const fn = function (a, b) {
    return [this, a, b, als.getStore()];
  };
  const bound = als.run(1, () => AsyncLocalStorage.bind(fn));
  equal(bound.length, 2);
  const o = { m: bound };
  deepEqual(o.m('x', 'y'), [o, 'x', 'y', 1]);
});

test('bind: covers all storages, not just one', () => {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage({ defaultValue: 'bd' });
  const bound = a.run('A', () => b.run('B', () => AsyncLocalStorage.bind(() => [a.getStore(), b.getStore()])));
  deepEqual(bound(), ['A', 'B']);
  deepEqual(a.run('x', () => b.exit(() => bound())), ['A', 'B']);
  deepEqual([a.getStore(), b.getStore()], [undefined, 'bd']);
});

test('bind: restores after throw', () => {
  const als = new AsyncLocalStorage();
  const bound = als.run('b', () => AsyncLocalStorage.bind(() => {
    throw new Error('x');
  }));
  als.run('s', () => {
    try {
      bound();
    } catch {}
    equal(als.getStore(), 's');
  });
});

test('bind: enterWith inside a bound function does not leak', () => {
  const als = new AsyncLocalStorage();
  const bound = als.run('b', () => AsyncLocalStorage.bind(() => als.enterWith('in')));
  als.run('s', () => {
    bound();
    equal(als.getStore(), 's');
  });
  const again = als.run('b', () => AsyncLocalStorage.bind(() => als.getStore()));
  equal(again(), 'b');
});

test('bind: sees enterWith made before bind', () => {
  const als = new AsyncLocalStorage();
  const bound = als.run('r', () => {
    als.enterWith('entered');
    return AsyncLocalStorage.bind(() => als.getStore());
  });
  equal(bound(), 'entered');
});

test('snapshot: deno reference basic', () => {
  const als = new AsyncLocalStorage();
  const runInAsyncScope = als.run(123, () => AsyncLocalStorage.snapshot());
  const result = als.run(321, () => runInAsyncScope(() => als.getStore()));
  equal(result, 123);
  equal(als.getStore(), undefined);
});

test('snapshot: passes args, returns, restores', () => {
  const als = new AsyncLocalStorage();
  const snap = als.run('s', () => AsyncLocalStorage.snapshot());
  als.run('t', () => {
    equal(snap((a, b) => `${als.getStore()}:${a + b}`, 1, 2), 's:3');
    equal(als.getStore(), 't');
  });
  equal(als.getStore(), undefined);
});

test('snapshot: callback throws, context restored', () => {
  const als = new AsyncLocalStorage();
  const snap = als.run('s', () => AsyncLocalStorage.snapshot());
  als.run('t', () => {
    let caught;
    try {
      snap(() => {
        throw new Error('e');
      });
    } catch (e) {
      caught = e;
    }
    equal(caught.message, 'e');
    equal(als.getStore(), 't');
  });
});

test('snapshot: reusable many times, nested snapshots', () => {
  const als = new AsyncLocalStorage();
  const s1 = als.run(1, () => AsyncLocalStorage.snapshot());
  const s2 = als.run(2, () => AsyncLocalStorage.snapshot());
  for (let i = 0; i < 10; i++) {
    deepEqual(s1(() => [als.getStore(), s2(() => als.getStore()), als.getStore()]), [1, 2, 1]);
  }
});

test('snapshot: taken outside any scope', () => {
  const als = new AsyncLocalStorage({ defaultValue: 'd' });
  const snap = AsyncLocalStorage.snapshot();
  als.run('x', () => equal(snap(() => als.getStore()), 'd'));
});

test('snapshot: disable in the same frame also affects the snapshot (Node 24)', () => {
  const als = new AsyncLocalStorage();
  als.run(1, () => {
    const snap = AsyncLocalStorage.snapshot();
    als.disable();
    equal(snap(() => als.getStore()), undefined);
  });
});

test('snapshot: disable in an inner frame does not affect an outer snapshot', () => {
  const als = new AsyncLocalStorage();
  als.run(1, () => {
    const snap = AsyncLocalStorage.snapshot();
    als.run(2, () => als.disable());
    equal(snap(() => als.getStore()), 1);
  });
});

test('snapshot: the Foo class example', () => {
  const als = new AsyncLocalStorage();
  class Foo {
    #runInAsyncScope = AsyncLocalStorage.snapshot();
    get() {
      return this.#runInAsyncScope(() => als.getStore());
    }
  }
  const foo = als.run(123, () => new Foo());
  equal(als.run(321, () => foo.get()), 123);
  ok(typeof foo.get === 'function');
});
