// OpenTelemetry's AsyncLocalStorageContextManager tests, continued
// (opentelemetry-als.mjs): the .attach() cases (OTel API 1.10).
import { ok } from '../harness.mjs';
import { managerTest, finish, sleep, immediate, immediateName, is } from './opentelemetry-support.mjs';

const otel = managerTest('ALS');

// The cases that dispose after an await first yield to a task of their own:
// a scope opened in the synchronous start of an async test would otherwise
// reach the runner's own flow, which awaits the test (mocha runs each test
// from a callback of its own).
const ownTask = () => sleep(0);

otel('.attach() should attach and restore context via token.dispose()', ({ manager, ROOT, key1 }) => {
  const context1 = ROOT.setValue(key1, 1);
  is(manager.active(), ROOT);
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  token1.dispose();
  is(manager.active(), ROOT);
});

otel('.attach() should support nested attach with token.dispose()', ({ manager, ROOT, key1 }) => {
  const [context1, context2, context3] = [1, 2, 3].map((n) => ROOT.setValue(key1, n));
  is(manager.active(), ROOT);
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  const token2 = manager.attach(context2);
  is(manager.active(), context2);
  const token3 = manager.attach(context3);
  is(manager.active(), context3);
  token3.dispose();
  is(manager.active(), context2);
  token2.dispose();
  is(manager.active(), context1);
  token1.dispose();
  is(manager.active(), ROOT);
});

otel(`.attach() should work with async operations [${immediateName}]`, async ({ manager, ROOT, key1 }) => {
  await ownTask();
  const context1 = ROOT.setValue(key1, 1);
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  const inCallback = await new Promise((resolve) => immediate(() => resolve(manager.active())));
  is(inCallback, context1, `in the ${immediateName} callback`);
  is(manager.active(), context1, 'after the await');
  token1.dispose();
  is(manager.active(), ROOT);
});

otel('.attach() should interact correctly with .with()', ({ manager, ROOT, key1 }) => {
  const context1 = ROOT.setValue(key1, 1);
  const context2 = ROOT.setValue(key1, 2);
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  is(
    manager.with(context2, () => manager.active()),
    context2,
  );
  is(manager.active(), context1);
  token1.dispose();
  is(manager.active(), ROOT);
});

otel('.attach() should maintain context across attach inside with()', ({ manager, ROOT, key1 }) => {
  const [context1, context2, context3] = [1, 2, 3].map((n) => ROOT.setValue(key1, n));
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  let checked = false;
  manager.with(context2, () => {
    is(manager.active(), context2);
    const token3 = manager.attach(context3);
    is(manager.active(), context3);
    token3.dispose();
    is(manager.active(), context2, 'back to the with() context');
    checked = true;
  });
  ok(checked);
  is(manager.active(), context1, 'back to the attached context after with()');
  token1.dispose();
  is(manager.active(), ROOT);
});

otel('.attach() should work with bound functions after attach', ({ manager, ROOT, key1 }) => {
  const context1 = ROOT.setValue(key1, 1);
  const context2 = ROOT.setValue(key1, 2);
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  const fn = manager.bind(context2, () => manager.active());
  is(fn(), context2);
  is(manager.active(), context1, 'back to the attached context after the bound function');
  token1.dispose();
  is(manager.active(), ROOT);
});

otel('.attach() should handle multiple attach/dispose sequences', ({ manager, ROOT, key1 }) => {
  for (const context of [ROOT.setValue(key1, 1), ROOT.setValue(key1, 2)]) {
    const token = manager.attach(context);
    is(manager.active(), context);
    token.dispose();
    is(manager.active(), ROOT);
  }
});

otel('.attach() should propagate context to promises after attach', async ({ manager, ROOT, key1 }) => {
  await ownTask();
  const context1 = ROOT.setValue(key1, 1);
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  const result = await Promise.resolve().then(() => manager.active());
  is(result, context1);
  is(manager.active(), context1);
  token1.dispose();
  is(manager.active(), ROOT);
});

otel('.attach() should not leak an attached context into a concurrent sibling async chain', async ({ manager, ROOT, key1 }) => {
  const contextA = ROOT.setValue(key1, 'A');
  const contextB = ROOT.setValue(key1, 'B');
  // Each chain attaches in a timer of its own; its second timer runs after
  // the sibling attached, and must still see its own context.
  const chain = (context, ms) =>
    finish((done, guard) => {
      setTimeout(
        guard(() => {
          const token = manager.attach(context);
          is(manager.active(), context);
          setTimeout(
            guard(() => {
              is(manager.active(), context, 'concurrent sibling chain must not pollute this context');
              token.dispose();
              done();
            }),
            ms,
          );
        }),
        ms,
      );
    });
  await Promise.all([chain(contextA, 10), chain(contextB, 5)]);
  is(manager.active(), ROOT);
});

otel('.attach() should work correctly when disabled', ({ manager, ROOT, key1 }) => {
  manager.disable();
  const context1 = ROOT.setValue(key1, 1);
  const token1 = manager.attach(context1);
  is(manager.active(), context1, 'attach() sets the context even when disabled');
  token1.dispose();
  is(manager.active(), ROOT);
  manager.enable();
});
