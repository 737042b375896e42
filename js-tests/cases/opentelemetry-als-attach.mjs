// OpenTelemetry's AsyncLocalStorageContextManager tests, continued
// (opentelemetry-als.mjs): the .attach() cases (OTel API 1.10).
import { ok } from '../support/harness.mjs';
import { managerTest, finish, sleep, immediate, immediateName, is } from './opentelemetry-support.mjs';

const otel = managerTest('ALS');

// The cases that dispose after an await first yield to a task of their own:
// a scope opened in the synchronous start of an async test would otherwise
// reach the runner's own flow, which awaits the test (mocha runs each test
// from a callback of its own).
const ownTask = () => sleep(0);

// attach(context): it is active, through body() too; token.dispose() makes
// `outer` active again.
function attached({ manager }, context, outer, body = () => {}) {
  const token = manager.attach(context);
  is(manager.active(), context);
  body();
  is(manager.active(), context, 'still attached after what ran inside');
  token.dispose();
  is(manager.active(), outer);
}

// attach(context1) in a task of its own: what read() resolves to (active()
// read across an await) and active() after the await are context1.
async function attachedAcrossAwait({ manager, ROOT, key1 }, read, where) {
  await ownTask();
  const context1 = ROOT.setValue(key1, 1);
  const token1 = manager.attach(context1);
  is(manager.active(), context1);
  is(await read(), context1, where);
  is(manager.active(), context1, 'after the await');
  token1.dispose();
  is(manager.active(), ROOT);
}

otel('.attach() should attach and restore context via token.dispose()', (t) => {
  is(t.manager.active(), t.ROOT);
  attached(t, t.ROOT.setValue(t.key1, 1), t.ROOT);
});

otel('.attach() should support nested attach with token.dispose()', (t) => {
  const [context1, context2, context3] = [1, 2, 3].map((n) => t.ROOT.setValue(t.key1, n));
  is(t.manager.active(), t.ROOT);
  attached(t, context1, t.ROOT, () => attached(t, context2, context1, () => attached(t, context3, context2)));
});

otel(`.attach() should work with async operations [${immediateName}]`, (t) =>
  attachedAcrossAwait(t, () => new Promise((resolve) => immediate(() => resolve(t.manager.active()))), `in the ${immediateName} callback`),
);

otel('.attach() should interact correctly with .with()', (t) => {
  const context2 = t.ROOT.setValue(t.key1, 2);
  attached(t, t.ROOT.setValue(t.key1, 1), t.ROOT, () =>
    is(
      t.manager.with(context2, () => t.manager.active()),
      context2,
    ),
  );
});

otel('.attach() should maintain context across attach inside with()', ({ manager, ROOT, key1 }) => {
  const [context1, context2, context3] = [1, 2, 3].map((n) => ROOT.setValue(key1, n));
  let checked = false;
  attached({ manager }, context1, ROOT, () => {
    manager.with(context2, () => {
      is(manager.active(), context2);
      // dispose() goes back to the with() context
      attached({ manager }, context3, context2);
      checked = true;
    });
    ok(checked);
  });
});

otel('.attach() should work with bound functions after attach', (t) => {
  const context2 = t.ROOT.setValue(t.key1, 2);
  attached(t, t.ROOT.setValue(t.key1, 1), t.ROOT, () => is(t.manager.bind(context2, () => t.manager.active())(), context2));
});

otel('.attach() should handle multiple attach/dispose sequences', (t) => {
  for (const context of [t.ROOT.setValue(t.key1, 1), t.ROOT.setValue(t.key1, 2)]) attached(t, context, t.ROOT);
});

otel('.attach() should propagate context to promises after attach', (t) =>
  attachedAcrossAwait(t, () => Promise.resolve().then(() => t.manager.active()), 'in a then() callback'),
);

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

otel('.attach() should work correctly when disabled', (t) => {
  t.manager.disable();
  // attach() sets the context even when disabled
  attached(t, t.ROOT.setValue(t.key1, 1), t.ROOT);
  t.manager.enable();
});
