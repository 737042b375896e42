// OpenTelemetry's own tests of StackContextManager (opentelemetry-js,
// packages/opentelemetry-sdk-trace-web/test/StackContextManager.test.ts),
// synchronous with() and bind(), each case written anew for als-wasm's
// manager and named after the upstream case it follows:
// `otel Stack: <describe> <it>`.
import { throws } from '../harness.mjs';
import { managerTest, is } from './opentelemetry-support.mjs';

const otel = managerTest('Stack');

otel('.enable() should work', ({ manager, ROOT }) => {
  is(manager.enable(), manager, 'should return this');
  is(manager.active(), ROOT, 'should have root context');
});

otel('.disable() should work', ({ manager, ROOT }) => {
  is(manager.disable(), manager, 'should return this');
  is(manager.active(), ROOT, 'should have no context');
});

// .with()

otel('.with() should run the callback (null as target)', ({ manager }) => {
  let calls = 0;
  manager.with(null, () => calls++);
  is(calls, 1);
});

otel('.with() should run the callback (object as target)', ({ manager, ROOT, key1 }) => {
  const test = ROOT.setValue(key1, 1);
  is(
    manager.with(test, () => manager.active()),
    test,
    'should have context',
  );
});

otel('.with() should run the callback (when disabled)', ({ manager }) => {
  manager.disable();
  let calls = 0;
  manager.with(null, () => {
    manager.enable();
    calls++;
  });
  is(calls, 1);
});

otel('.with() should rethrow errors', ({ manager }) => {
  throws(
    () =>
      manager.with(null, () => {
        throw new Error('This should be rethrown');
      }),
    { message: 'This should be rethrown' },
  );
});

// Three nested with(). (Upstream's last line compares active() with
// globalThis after done(); the context there is ROOT.)
function restores(name, values) {
  otel(name, ({ manager, ROOT, key1 }) => {
    const [ctx1, ctx2, ctx3] = values.map((v) => ROOT.setValue(key1, v));
    const seen = [];
    manager.with(ctx1, () => {
      seen.push(manager.active() === ctx1);
      manager.with(ctx2, () => {
        seen.push(manager.active() === ctx2);
        manager.with(ctx3, () => seen.push(manager.active() === ctx3));
        seen.push(manager.active() === ctx2);
      });
      seen.push(manager.active() === ctx1);
    });
    is(seen.join(), 'true,true,true,true,true');
    is(manager.active(), ROOT);
  });
}
restores('.with() should finally restore an old context', ['ctx1', 'ctx2', 'ctx3']);
restores('.with() should finally restore an old context when context is an object', [1, 2, 3]);

otel('.with() should forward this, arguments and return value', ({ manager, ROOT }) => {
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
});

// .bind(function)

otel('.bind(function) should call the function with previously assigned context', ({ manager, ROOT, key1 }) => {
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
});

// The target is a Context: neither a function nor an emitter nor an
// EventTarget, so bind() hands it back.
otel('.bind(function) should return the same target (when enabled)', ({ manager, ROOT, key1 }) => {
  const test = ROOT.setValue(key1, 1);
  is(manager.bind(manager.active(), test), test);
});

otel('.bind(function) should return the same target (when disabled)', ({ manager, ROOT, key1 }) => {
  manager.disable();
  const test = ROOT.setValue(key1, 1);
  is(manager.bind(manager.active(), test), test);
  manager.enable();
});

otel('.bind(function) should return current context (when enabled)', ({ manager, ROOT, key1 }) => {
  const context = ROOT.setValue(key1, 1);
  is(manager.bind(context, () => manager.active())(), context, 'should have context');
});

otel('.bind(function) should return current context (when disabled)', ({ manager, ROOT, key1 }) => {
  manager.disable();
  const context = ROOT.setValue(key1, 1);
  is(manager.bind(context, () => manager.active())(), context, 'should have context');
});
