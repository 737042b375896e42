// AsyncResource (synchronous parts).
import { test, equal, deepEqual, ok } from '../support/harness.mjs';
import { AsyncLocalStorage, AsyncResource } from '../support/subject.mjs';

test('resource: runInAsyncScope runs in the context captured at construction', () => {
  const als = new AsyncLocalStorage();
  const r = als.run('at-ctor', () => new AsyncResource('T'));
  als.run('other', () => {
    equal(r.runInAsyncScope(() => als.getStore()), 'at-ctor');
    equal(als.getStore(), 'other');
  });
  equal(r.runInAsyncScope(() => als.getStore()), 'at-ctor');
  equal(als.getStore(), undefined);
});

test('resource: created outside any scope sees undefined / defaultValue', () => {
  const als = new AsyncLocalStorage();
  const d = new AsyncLocalStorage({ defaultValue: 'd' });
  const r = new AsyncResource('T');
  als.run(1, () => d.run(2, () => {
    equal(r.runInAsyncScope(() => als.getStore()), undefined);
    equal(r.runInAsyncScope(() => d.getStore()), 'd');
  }));
});

test('resource: runInAsyncScope passes thisArg and args and returns', () => {
  const r = new AsyncResource('T');
  const self = {};
  let seen;
  const out = r.runInAsyncScope(function (a, b) {
    seen = this;
    return a * b;
  }, self, 6, 7);
  equal(out, 42);
  equal(seen, self);
});

test('resource: runInAsyncScope restores on throw', () => {
  const als = new AsyncLocalStorage();
  const r = als.run('r', () => new AsyncResource('T'));
  als.run('s', () => {
    let caught;
    try {
      r.runInAsyncScope(() => {
        equal(als.getStore(), 'r');
        throw new Error('boom');
      });
    } catch (e) {
      caught = e;
    }
    equal(caught.message, 'boom');
    equal(als.getStore(), 's');
  });
});

test('resource: enterWith inside runInAsyncScope does not leak out', () => {
  const als = new AsyncLocalStorage();
  const r = als.run('r', () => new AsyncResource('T'));
  als.run('s', () => {
    r.runInAsyncScope(() => als.enterWith('x'));
    equal(als.getStore(), 's');
    equal(r.runInAsyncScope(() => als.getStore()), 'r');
  });
});

test('resource: nested runInAsyncScope', () => {
  const als = new AsyncLocalStorage();
  const r1 = als.run(1, () => new AsyncResource('A'));
  const r2 = als.run(2, () => new AsyncResource('B'));
  const out = r1.runInAsyncScope(() => [als.getStore(), r2.runInAsyncScope(() => als.getStore()), als.getStore()]);
  deepEqual(out, [1, 2, 1]);
  equal(als.getStore(), undefined);
});

test('resource: bind keeps length, has enumerable asyncResource, uses context', () => {
  const als = new AsyncLocalStorage();
  const r = als.run('b', () => new AsyncResource('T'));
  const fn = function (a, b, c) {
    return [als.getStore(), a, b, c];
  };
  const bound = r.bind(fn);
  equal(bound.length, 3);
  equal(bound.asyncResource, r);
  const d = Object.getOwnPropertyDescriptor(bound, 'asyncResource');
  ok(d.enumerable, 'asyncResource enumerable');
  ok(Object.keys(bound).includes('asyncResource'));
  als.run('other', () => deepEqual(bound(1, 2, 3), ['b', 1, 2, 3]));
  equal(als.getStore(), undefined);
});

test('resource: bind with thisArg, and without (uses call-site this)', () => {
  const r = new AsyncResource('T');
  const self = { tag: 'self' };
  function who() {
    return this;
  }
  equal(r.bind(who, self)(), self);
  const obj = { m: r.bind(who) };
  equal(obj.m(), obj);
  equal(r.bind(who, self).call({ other: 1 }), self);
});

test('resource: static AsyncResource.bind', () => {
  const als = new AsyncLocalStorage();
  const self = {};
  const bound = als.run('st', () => AsyncResource.bind(function (x, y) {
    return [this, als.getStore(), x + y];
  }, 'MyType', self));
  equal(bound.length, 2);
  ok(bound.asyncResource instanceof AsyncResource);
  const [t, s, sum] = als.run('later', () => bound(1, 2));
  equal(t, self);
  equal(s, 'st');
  equal(sum, 3);
});

test('resource: static bind without type (uses fn name / anonymous)', () => {
  const named = AsyncResource.bind(function named() { return 1; });
  equal(named(), 1);
  const anon = AsyncResource.bind(() => 2);
  equal(anon(), 2);
});

test('resource: emitDestroy returns the resource and the resource stays usable', () => {
  const als = new AsyncLocalStorage();
  const r = als.run('e', () => new AsyncResource('T', { requireManualDestroy: true }));
  equal(r.emitDestroy(), r);
  equal(r.runInAsyncScope(() => als.getStore()), 'e');
});

test('resource: asyncId is a unique increasing number', () => {
  const ids = Array.from({ length: 20 }, () => new AsyncResource('T').asyncId());
  for (const id of ids) ok(Number.isInteger(id) && id > 0, `integer id ${id}`);
  for (let i = 1; i < ids.length; i++) ok(ids[i] > ids[i - 1], 'increasing');
  equal(new Set(ids).size, ids.length);
  const r = new AsyncResource('T');
  equal(r.asyncId(), r.asyncId());
});

test('resource: triggerAsyncId of a resource created inside runInAsyncScope', () => {
  const r = new AsyncResource('T');
  const child = r.runInAsyncScope(() => new AsyncResource('C'));
  equal(child.triggerAsyncId(), r.asyncId());
  const grandchild = child.runInAsyncScope(() => new AsyncResource('G'));
  equal(grandchild.triggerAsyncId(), child.asyncId());
  equal(typeof r.triggerAsyncId(), 'number');
});

test('resource: explicit triggerAsyncId (number and options)', () => {
  equal(new AsyncResource('T', 7).triggerAsyncId(), 7);
  equal(new AsyncResource('T', { triggerAsyncId: 9 }).triggerAsyncId(), 9);
  equal(new AsyncResource('T', 0).triggerAsyncId(), 0);
});

test('resource: subclass', () => {
  const als = new AsyncLocalStorage();
  class Job extends AsyncResource {
    constructor() {
      super('Job');
    }
    go(fn) {
      return this.runInAsyncScope(fn);
    }
  }
  const j = als.run('job', () => new Job());
  ok(j instanceof AsyncResource);
  equal(j.go(() => als.getStore()), 'job');
});

test('resource: store identity through a resource', () => {
  const als = new AsyncLocalStorage();
  const store = { id: 1 };
  const r = als.run(store, () => new AsyncResource('T'));
  equal(r.runInAsyncScope(() => als.getStore()), store);
});

test('resource: a bound function\'s asyncResource is an accessor, and its setter replaces it', () => {
  const bound = AsyncLocalStorage.snapshot();
  const d = Object.getOwnPropertyDescriptor(bound, 'asyncResource');
  equal(typeof d.get, 'function');
  equal(typeof d.set, 'function');
  ok(d.enumerable && d.configurable, 'enumerable and configurable');
  const first = bound.asyncResource;
  ok(first instanceof AsyncResource);
  equal(bound.asyncResource, first, 'the same resource on every read');
  const other = new AsyncResource('Other');
  bound.asyncResource = other;
  equal(bound.asyncResource, other);
});

test('resource: snapshot() and static bind() take their async ids when made, not when read', () => {
  const parent = new AsyncResource('Parent');
  const snap = parent.runInAsyncScope(() => AsyncLocalStorage.snapshot());
  const bound = parent.runInAsyncScope(() => AsyncResource.bind(() => 1));
  const later = new AsyncResource('Later');
  ok(snap.asyncResource.asyncId() < later.asyncId(), 'snapshot id before a later resource');
  ok(bound.asyncResource.asyncId() < later.asyncId(), 'bind id before a later resource');
  ok(snap.asyncResource.asyncId() < bound.asyncResource.asyncId(), 'in the order made');
  equal(snap.asyncResource.triggerAsyncId(), parent.asyncId());
  equal(bound.asyncResource.triggerAsyncId(), parent.asyncId());
});

test('resource: code inside a snapshot runs under its resource\'s async id', () => {
  const snap = AsyncLocalStorage.snapshot();
  const child = snap(() => new AsyncResource('Child'));
  equal(child.triggerAsyncId(), snap.asyncResource.asyncId());
});
