// OpenTelemetry's own tests of AsyncLocalStorageContextManager
// (opentelemetry-js, packages/opentelemetry-context-async-hooks/test/
// AsyncHooksContextManager.test.ts), each case written anew on this harness
// and named after the upstream case it follows: `otel ALS: <describe> <it>`.
// This file: .enable(), .disable(), .with(), .bind(function); then
// opentelemetry-als-emitter.mjs and opentelemetry-als-attach.mjs. mocha's
// `done` is finish() (opentelemetry-support.mjs).
import { ok } from '../support/harness.mjs';
import { managerTest, finish, sleep, is } from './opentelemetry-support.mjs';
import * as behaviour from './opentelemetry-behaviours.mjs';

const otel = managerTest('ALS');

otel('.enable() should work', ({ Manager }) => {
  const manager = new Manager();
  is(manager.enable(), manager, 'should return this');
});

otel('.disable() should work', ({ manager }) => {
  is(manager.disable(), manager, 'should return this');
  manager.enable();
});

// .with()

otel('.with() should run the callback (null as target)', (t) => behaviour.withRuns(t, t.ROOT));
otel('.with() should run the callback (object as target)', (t) => behaviour.withEnters(t));
otel('.with() should run the callback (when disabled)', (t) => behaviour.withRunsWhenDisabled(t, t.ROOT));
otel('.with() should rethrow errors', (t) => behaviour.withRethrows(t, t.ROOT));
otel('.with() should forward this, arguments and return value', (t) => behaviour.withForwards(t));
otel('.with() should finally restore an old context', (t) => behaviour.withRestoresNested(t, ['ctx1', 'ctx2']));
// Upstream has two cases of this name; the second checks a timer.
otel('.with() should finally restore an old context (second case: in a setTimeout)', (t) => behaviour.withRestoresNested(t, ['ctx1'], 0));

otel('.with() async function called from nested "with" sync function should return nested context', ({ manager, ROOT }) =>
  finish((done, guard) => {
    const scope1 = '1';
    const scope2 = '2';
    const asyncFuncCalledDownstreamFromSync = guard(async () => {
      await (async () => {})();
      is(manager.active(), scope2);
      done();
    });
    manager.with(scope1, () => {
      is(manager.active(), scope1);
      manager.with(scope2, () => asyncFuncCalledDownstreamFromSync());
      is(manager.active(), scope1);
    });
    is(manager.active(), ROOT);
  }),
);

otel('.with() should not loose the context', ({ manager, ROOT }) =>
  finish((done, guard) => {
    const scope1 = '1';
    manager.with(
      scope1,
      guard(async () => {
        is(manager.active(), scope1);
        await sleep(100);
        is(manager.active(), scope1);
        done();
      }),
    );
    is(manager.active(), ROOT);
  }),
);

otel('.with() should correctly restore context using async/await', async ({ manager, ROOT }) => {
  await manager.with('1', async () => {
    is(manager.active(), '1');
    await manager.with('2', async () => {
      is(manager.active(), '2');
      await manager.with('3', async () => {
        is(manager.active(), '3');
        await manager.with('4', async () => is(manager.active(), '4'));
        is(manager.active(), '3');
      });
      is(manager.active(), '2');
    });
    is(manager.active(), '1');
  });
  is(manager.active(), ROOT);
});

otel('.with() should works with multiple concurrent operations', ({ manager, ROOT }) =>
  finish((done, guard) => {
    let scope4Called = false;
    manager.with(
      '1',
      guard(async () => {
        is(manager.active(), '1');
        setTimeout(
          guard(async () => {
            await manager.with('3', async () => is(manager.active(), '3'));
            is(manager.active(), '1');
            is(scope4Called, true);
            done();
          }),
          100,
        );
        is(manager.active(), '1');
      }),
    );
    is(manager.active(), ROOT);
    manager.with(
      '2',
      guard(async () => {
        is(manager.active(), '2');
        setTimeout(
          guard(() => {
            manager.with(
              '4',
              guard(async () => {
                is(manager.active(), '4');
                scope4Called = true;
              }),
            );
            is(manager.active(), '2');
          }),
          20,
        );
        is(manager.active(), '2');
      }),
    );
    is(manager.active(), ROOT);
  }),
);

otel('.with() should work with timers using the same timeout', ({ manager }) =>
  finish((done, guard) => {
    let count = 3;
    const countDown = () => {
      count--;
      if (count === 0) done();
      if (count < 0) throw new Error('too many calls to countDown()');
    };
    const rootCtx = manager.active();
    const innerCtx = rootCtx.setValue(Symbol('test'), 23);
    manager.with(innerCtx, () => {
      setTimeout(
        guard(() => {
          is(manager.active(), innerCtx);
          countDown();
        }),
        2,
      );
    });
    setTimeout(
      guard(() => {
        is(manager.active(), rootCtx);
        countDown();
      }),
      2,
    );
    setTimeout(
      guard(() => {
        is(manager.active(), rootCtx);
        countDown();
      }),
      3,
    );
  }),
);

otel('.with() should not influence other instances', ({ manager, another, ROOT, key1 }) => {
  const other = another();
  const context = ROOT.setValue(key1, 2);
  const otherContext = ROOT.setValue(key1, 3);
  let checked = false;
  manager.with(context, () => {
    is(manager.active(), context);
    is(other.active(), ROOT);
    other.with(otherContext, () => {
      is(manager.active(), context);
      is(other.active(), otherContext);
      checked = true;
    });
  });
  ok(checked);
});

// .bind(function)

otel('.bind(function) should return the same target (when enabled)', (t) => behaviour.bindReturnsTarget(t, { a: 1 }));
otel('.bind(function) should return the same target (when disabled)', (t) => behaviour.bindReturnsTarget(t, { a: 1 }, { disabled: true }));
otel('.bind(function) should return current context (when enabled)', (t) => behaviour.bindEnters(t, 1));
// Upstream: even disabled, a bound function still enters its context.
otel('.bind(function) should return current context (when disabled)', (t) => behaviour.bindEnters(t, 1, { disabled: true }));

// Upstream's name says "fail", its assertion that the timer keeps the context.
otel('.bind(function) should fail to return current context with async op', ({ manager, ROOT, key1 }) =>
  finish((done, guard) => {
    const context = ROOT.setValue(key1, 1);
    const fn = manager.bind(context, () => {
      is(manager.active(), context);
      setTimeout(
        guard(() => {
          is(manager.active(), context, 'the timer keeps the context');
          done();
        }),
        100,
      );
    });
    guard(fn)();
  }),
);

otel('.bind(function) should not influence other instances', ({ manager, another, ROOT, key1 }) => {
  const other = another();
  const context = ROOT.setValue(key1, 2);
  const otherContext = ROOT.setValue(key1, 3);
  const fn = other.bind(
    otherContext,
    manager.bind(context, () => [manager.active(), other.active()]),
  );
  const [seen, otherSeen] = fn();
  is(seen, context);
  is(otherSeen, otherContext);
});
