// What several of OpenTelemetry's context-manager suites check alike (ALS,
// Zone and Stack each have a case of it, under the same name): one body per
// behaviour, which each suite's case calls with its own differences (the
// target it hands to with(), the value it stores, a timer). `t` is what
// managerTest() gives a case body: { manager, ROOT, key1, ... }.
import { throws } from '../support/harness.mjs';
import { finish, is } from './opentelemetry-support.mjs';

// with(target, fn) runs fn once; where `sees` is given, active() inside is it.
export function withRuns({ manager }, target, sees) {
  let calls = 0;
  let seen;
  manager.with(target, () => {
    calls++;
    seen = manager.active();
  });
  is(calls, 1, 'the callback ran once');
  if (sees !== undefined) is(seen, sees, 'active() in the callback');
}

// with(context, fn): fn sees the context.
export function withEnters({ manager, ROOT, key1 }) {
  const context = ROOT.setValue(key1, 1);
  is(
    manager.with(context, () => manager.active()),
    context,
    'should have context',
  );
}

// A disabled manager's with() still runs fn (which enables it again).
export function withRunsWhenDisabled({ manager }, target) {
  manager.disable();
  let calls = 0;
  manager.with(target, () => {
    manager.enable();
    calls++;
  });
  is(calls, 1);
}

export function withRethrows({ manager }, target) {
  throws(
    () =>
      manager.with(target, () => {
        throw new Error('This should be rethrown');
      }),
    { message: 'This should be rethrown' },
  );
}

export function withForwards({ manager, ROOT }) {
  function fnWithThis(a, b) {
    is(this, 'that');
    is(arguments.length, 2);
    is(a, 'one');
    is(b, 2);
    return 'done';
  }
  is(manager.with(ROOT, fnWithThis, 'that', 'one', 2), 'done');
  is(
    manager.with(ROOT, () => 3.14),
    3.14,
  );
}

// Nested with(), one a value: each level sees its context, and its own again
// once the inner with() returns; ROOT after the outer one. With `timer` (ms),
// a timer set in the outer with() sees the outer context when it fires.
// (Upstream's Zone and Stack cases end comparing active() with the global
// object after done(); the context there is ROOT.)
export function withRestoresNested({ manager, ROOT, key1 }, values, timer) {
  const contexts = values.map((v) => ROOT.setValue(key1, v));
  const nest = ([ctx, ...inner]) => {
    is(manager.active(), ctx);
    if (inner.length === 0) return;
    manager.with(inner[0], () => nest(inner));
    is(manager.active(), ctx, 'restored after the inner with()');
  };
  if (timer === undefined) {
    manager.with(contexts[0], () => nest(contexts));
    is(manager.active(), ROOT);
    return;
  }
  return finish((done, guard) => {
    manager.with(contexts[0], () => {
      nest(contexts);
      setTimeout(
        guard(() => {
          is(manager.active(), contexts[0], 'the timer keeps the outer context');
          done();
        }),
        timer,
      );
    });
    is(manager.active(), ROOT);
  });
}

// bind() of what it cannot bind (neither a function, nor an emitter, nor an
// EventTarget) hands the target back, enabled or not. `context(t)` is what
// it binds to: ROOT unless said.
export function bindReturnsTarget(t, target, { disabled = false, context = ({ ROOT }) => ROOT } = {}) {
  if (disabled) t.manager.disable();
  is(t.manager.bind(context(t), target), target);
  if (disabled) t.manager.enable();
}

// A bound function runs in its context, even when the manager is disabled
// (Zone's disabled one runs with ROOT: its case says so in its name).
export function bindEnters({ manager, ROOT, key1 }, value, { disabled = false } = {}) {
  if (disabled) manager.disable();
  const context = ROOT.setValue(key1, value);
  const fn = manager.bind(context, () => manager.active());
  is(fn(), context, 'should have context');
}

// A method bound (unbound `this`) reads the value stored in its context, as
// the value is when called, not when bound.
export function bindCallsWithAssigned({ manager, ROOT, key1 }) {
  class Obj {
    constructor(title) {
      this.title = title;
    }
    getTitle() {
      return manager.active().getValue(key1).title;
    }
  }
  const obj1 = new Obj('a1');
  const ctx = ROOT.setValue(key1, obj1);
  obj1.title = 'a2';
  const obj2 = new Obj('b1');
  is(manager.bind(ctx, obj2.getTitle)(), 'a2');
}
