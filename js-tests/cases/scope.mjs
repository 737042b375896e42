// withScope(store): a disposable scope (synchronous parts).
import { test, equal, ok } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';

const disposeSym = Symbol.dispose ?? Symbol.for('nodejs.dispose');

test('scope: withScope sets the store, dispose restores the previous one', () => {
  const als = new AsyncLocalStorage();
  als.run('outer', () => {
    const scope = als.withScope('inner');
    equal(als.getStore(), 'inner');
    scope.dispose();
    equal(als.getStore(), 'outer');
  });
  equal(als.getStore(), undefined);
});

test('scope: dispose is idempotent', () => {
  const als = new AsyncLocalStorage();
  als.run('outer', () => {
    const scope = als.withScope('inner');
    scope.dispose();
    als.enterWith('later');
    scope.dispose();
    equal(als.getStore(), 'later');
  });
});

test('scope: Symbol.dispose', () => {
  const als = new AsyncLocalStorage();
  als.run('outer', () => {
    const scope = als.withScope('inner');
    equal(typeof scope[disposeSym], 'function');
    scope[disposeSym]();
    equal(als.getStore(), 'outer');
    scope[disposeSym]();
    equal(als.getStore(), 'outer');
  });
});

test('scope: nested scopes disposed in reverse order', () => {
  const als = new AsyncLocalStorage();
  als.run(0, () => {
    const s1 = als.withScope(1);
    const s2 = als.withScope(2);
    equal(als.getStore(), 2);
    s2.dispose();
    equal(als.getStore(), 1);
    s1.dispose();
    equal(als.getStore(), 0);
  });
});

test('scope: disposed out of order restores each previous value', () => {
  const als = new AsyncLocalStorage();
  als.run(0, () => {
    const s1 = als.withScope(1);
    const s2 = als.withScope(2);
    s1.dispose();
    equal(als.getStore(), 0);
    s2.dispose();
    equal(als.getStore(), 1);
  });
});

test('scope: within run, undone when run returns even if not disposed', () => {
  const als = new AsyncLocalStorage();
  als.run('outer', () => {
    als.run('mid', () => {
      als.withScope('leak');
      equal(als.getStore(), 'leak');
    });
    equal(als.getStore(), 'outer');
  });
  equal(als.getStore(), undefined);
});

test('scope: restores the defaultValue as previous', () => {
  const als = new AsyncLocalStorage({ defaultValue: 'd' });
  als.run('wrap', () => {
    als.disable();
    const s = als.withScope('x');
    equal(als.getStore(), 'x');
    s.dispose();
    equal(als.getStore(), 'd');
  });
});

test('scope: dispose inside exit restores undefined, not the defaultValue', () => {
  const als = new AsyncLocalStorage({ defaultValue: 'd' });
  als.run('wrap', () => {
    als.exit(() => {
      const s = als.withScope('x');
      s.dispose();
      equal(als.getStore(), undefined);
    });
  });
});

test('scope: only its own storage', () => {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  a.run('A', () => b.run('B', () => {
    const s = a.withScope('A2');
    equal(b.getStore(), 'B');
    b.enterWith('B2');
    s.dispose();
    equal(a.getStore(), 'A');
    equal(b.getStore(), 'B2');
  }));
});

test('scope: withScope() with no argument sets undefined', () => {
  const als = new AsyncLocalStorage();
  als.run('x', () => {
    const s = als.withScope();
    equal(als.getStore(), undefined);
    s.dispose();
    equal(als.getStore(), 'x');
  });
  ok(true);
});
