// OpenTelemetry's AsyncLocalStorageContextManager tests, continued
// (opentelemetry-als.mjs): the .bind(event-emitter) cases, on Node's
// EventEmitter, or npm `events` in a page.
import { managerTest, finish, immediate, immediateName, EventEmitterClass, is } from './opentelemetry-support.mjs';

const otel = managerTest('ALS');

otel('.bind(event-emitter) should return the same target (when enabled)', async ({ manager, ROOT }) => {
  const ee = new (await EventEmitterClass())();
  is(manager.bind(ROOT, ee), ee);
});

otel('.bind(event-emitter) should return the same target (when disabled)', async ({ manager, ROOT }) => {
  const ee = new (await EventEmitterClass())();
  manager.disable();
  is(manager.bind(ROOT, ee), ee);
});

otel('.bind(event-emitter) should return current context and removeListener (when enabled)', async ({ manager, ROOT, key1 }) => {
  const ee = new (await EventEmitterClass())();
  const context = ROOT.setValue(key1, 1);
  const patched = manager.bind(context, ee);
  let calls = 0;
  const handler = () => {
    calls++;
    is(manager.active(), context);
    patched.removeListener('test', handler);
    is(patched.listeners('test').length, 0);
  };
  patched.on('test', handler);
  is(patched.listeners('test').length, 1);
  patched.emit('test');
  is(calls, 1);
});

otel('.bind(event-emitter) should return current context and removeAllListener (when enabled)', async ({ manager, ROOT, key1 }) => {
  const ee = new (await EventEmitterClass())();
  const context = ROOT.setValue(key1, 1);
  const patched = manager.bind(context, ee);
  let calls = 0;
  const handler = () => {
    calls++;
    is(manager.active(), context);
    patched.removeAllListeners('test');
    is(patched.listeners('test').length, 0);
  };
  patched.on('test', handler);
  is(patched.listeners('test').length, 1);
  patched.emit('test');
  is(calls, 1);
});

otel('.bind(event-emitter) should remove event handler enabled by .once using removeListener (when enabled)', async ({ manager, ROOT, key1 }) => {
  const ee = new (await EventEmitterClass())();
  const patched = manager.bind(ROOT.setValue(key1, 1), ee);
  function handler() {}
  patched.once('test', handler);
  is(patched.listeners('test').length, 1);
  patched.removeListener('test', handler);
  is(patched.listeners('test').length, 0);
});

otel('.bind(event-emitter) should remove event handler enabled by .once using off (when enabled)', async ({ manager, ROOT, key1 }) => {
  const ee = new (await EventEmitterClass())();
  const patched = manager.bind(ROOT.setValue(key1, 1), ee);
  const handler = () => {};
  patched.once('test', handler);
  is(patched.listeners('test').length, 1);
  patched.off('test', handler);
  is(patched.listeners('test').length, 0);
});

otel('.bind(event-emitter) should return current context and removeAllListeners (when enabled)', async ({ manager, ROOT, key1 }) => {
  const ee = new (await EventEmitterClass())();
  const context = ROOT.setValue(key1, 1);
  const patched = manager.bind(context, ee);
  let calls = 0;
  const handler = () => {
    calls++;
    is(manager.active(), context);
    patched.removeAllListeners();
    is(patched.listeners('test').length, 0);
    is(patched.listeners('test1').length, 0);
  };
  patched.on('test', handler);
  patched.on('test1', handler);
  is(patched.listeners('test').length, 1);
  is(patched.listeners('test1').length, 1);
  patched.emit('test');
  is(calls, 1);
});

// Upstream: even disabled, listeners still enter the bound context.
otel('.bind(event-emitter) should return context (when disabled)', async ({ manager, ROOT, key1 }) => {
  manager.disable();
  const ee = new (await EventEmitterClass())();
  const context = ROOT.setValue(key1, 1);
  const patched = manager.bind(context, ee);
  let calls = 0;
  const handler = () => {
    calls++;
    is(manager.active(), context);
    patched.removeListener('test', handler);
    is(patched.listeners('test').length, 0);
  };
  patched.on('test', handler);
  is(patched.listeners('test').length, 1);
  patched.emit('test');
  is(calls, 1);
});

// Upstream's name says "not", its assertion that setImmediate keeps the context.
otel(`.bind(event-emitter) should not return current context with async op [${immediateName}]`, async ({ manager, ROOT, key1 }) => {
  const ee = new (await EventEmitterClass())();
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
  const ee = new (await EventEmitterClass())();
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
