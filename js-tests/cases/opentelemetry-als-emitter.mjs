// OpenTelemetry's AsyncLocalStorageContextManager tests, continued
// (opentelemetry-als.mjs): the .bind(event-emitter) cases, on Node's
// EventEmitter, or npm `events` in a page.
import { managerTest, finish, immediate, immediateName, EventEmitterClass, is } from './opentelemetry-support.mjs';
import * as behaviour from './opentelemetry-behaviours.mjs';

const otel = managerTest('ALS');
const emitter = async () => new (await EventEmitterClass())();

// A listener of an emitter bound to a context runs once, in that context,
// and takes itself off with remove(patched, handler): no listener is left
// on any of `events` (each had it once).
async function listenerEnters({ manager, ROOT, key1 }, remove, { events = ['test'], disabled = false } = {}) {
  if (disabled) manager.disable();
  const context = ROOT.setValue(key1, 1);
  const patched = manager.bind(context, await emitter());
  let calls = 0;
  const handler = () => {
    calls++;
    is(manager.active(), context);
    remove(patched, handler);
    for (const event of events) is(patched.listeners(event).length, 0);
  };
  for (const event of events) patched.on(event, handler);
  for (const event of events) is(patched.listeners(event).length, 1);
  patched.emit('test');
  is(calls, 1);
}

// A .once() listener of a bound emitter can be taken off with remove().
async function onceRemovable({ manager, ROOT, key1 }, remove) {
  const patched = manager.bind(ROOT.setValue(key1, 1), await emitter());
  const handler = () => {};
  patched.once('test', handler);
  is(patched.listeners('test').length, 1);
  remove(patched, handler);
  is(patched.listeners('test').length, 0);
}

const removeListener = (patched, handler) => patched.removeListener('test', handler);

otel('.bind(event-emitter) should return the same target (when enabled)', async (t) => behaviour.bindReturnsTarget(t, await emitter()));
otel('.bind(event-emitter) should return the same target (when disabled)', async (t) =>
  behaviour.bindReturnsTarget(t, await emitter(), { disabled: true }),
);
otel('.bind(event-emitter) should return current context and removeListener (when enabled)', (t) => listenerEnters(t, removeListener));
otel('.bind(event-emitter) should return current context and removeAllListener (when enabled)', (t) =>
  listenerEnters(t, (patched) => patched.removeAllListeners('test')),
);
otel('.bind(event-emitter) should remove event handler enabled by .once using removeListener (when enabled)', (t) =>
  onceRemovable(t, removeListener),
);
otel('.bind(event-emitter) should remove event handler enabled by .once using off (when enabled)', (t) =>
  onceRemovable(t, (patched, handler) => patched.off('test', handler)),
);
otel('.bind(event-emitter) should return current context and removeAllListeners (when enabled)', (t) =>
  listenerEnters(t, (patched) => patched.removeAllListeners(), { events: ['test', 'test1'] }),
);
// Upstream: even disabled, listeners still enter the bound context.
otel('.bind(event-emitter) should return context (when disabled)', (t) => listenerEnters(t, removeListener, { disabled: true }));

// Upstream's name says "not", its assertion that setImmediate keeps the context.
otel(`.bind(event-emitter) should not return current context with async op [${immediateName}]`, async ({ manager, ROOT, key1 }) => {
  const ee = await emitter();
  const context = ROOT.setValue(key1, 1);
  const patched = manager.bind(context, ee);
  await finish((done, guard) => {
    const handler = guard(() => {
      is(manager.active(), context);
      immediate(
        guard(() => {
          is(manager.active(), context, 'the callback keeps the context');
          patched.removeAllListeners('test');
          is(patched.listeners('test').length, 0);
          done();
        }),
      );
    });
    patched.on('test', handler);
    is(patched.listeners('test').length, 1);
    patched.emit('test');
  });
});

otel('.bind(event-emitter) should not influence other instances', async ({ manager, another, ROOT, key1 }) => {
  const ee = await emitter();
  const other = another();
  const context = ROOT.setValue(key1, 2);
  const otherContext = ROOT.setValue(key1, 3);
  const patched = other.bind(otherContext, manager.bind(context, ee));
  const seen = [];
  patched.on('test', () => seen.push(manager.active(), other.active()));
  patched.emit('test');
  is(seen.length, 2, 'the listener ran once');
  is(seen[0], context);
  is(seen[1], otherContext);
});
