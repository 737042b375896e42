// Async work of Node-compatible hosts (Node, Deno, Bun): what the native
// carrier must carry exactly, as the host's own AsyncLocalStorage does.
// Registered where the host has these modules; the exact-only rows also need
// an exact carrier (the patch carrier cannot see Node's internal timers).
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage, exact } from '../support/subject.mjs';
import { storage, flows, allKept, sleep } from '../support/flows.mjs';

// Looked up inside the tests, and probed with `in`: in Deno, merely reading
// process.getBuiltinModule starts its Node layer, which replaces
// globalThis.MessageChannel and MessagePort and so undoes the patch
// carrier's hook before the browser-semantics rows run (docs/browser-carrier.md, limits).
const hasBuiltins = typeof globalThis.process === 'object' && 'getBuiltinModule' in globalThis.process;
const builtin = (name) => globalThis.process.getBuiltinModule(name);

if (hasBuiltins) {
  test('host: EventEmitter listeners run in the frame of emit', async () => {
    const events = builtin('node:events');
    const emitter = new events.EventEmitter();
    const seen = [];
    emitter.on('ping', () => seen.push(storage.getStore()?.id));
    await flows(3, async (id) => {
      await sleep(3 - id);
      emitter.emit('ping');
    });
    equal(seen.sort().join(), '1,2,3');
  });
}

if (hasBuiltins && exact) {
  test('host: events.once resolves into the awaiting flow', async () => {
    const events = builtin('node:events');
    const emitter = new events.EventEmitter();
    const seen = flows(3, async (id, check) => {
      await events.once(emitter, 'go');
      check('after once');
    });
    setTimeout(() => emitter.emit('go'), 2);
    allKept(await seen, 3);
  });
}

if (hasBuiltins && exact) {
  test('host: node:timers/promises and process.nextTick', async () => {
    const timers = builtin('node:timers/promises');
    allKept(
      await flows(4, async (id, check) => {
        await timers.setTimeout(4 - id);
        check('after timers/promises setTimeout');
        await timers.setImmediate();
        check('after timers/promises setImmediate');
        await new Promise((resolve) => process.nextTick(resolve));
        check('after nextTick');
      }),
      12,
    );
  });
}

if (hasBuiltins && exact) {
  test('host: fs callbacks and fs.promises', async () => {
    const fs = builtin('node:fs');
    const file = new URL(import.meta.url);
    allKept(
      await flows(3, async (id, check) => {
        await fs.promises.stat(file);
        check('after fs.promises.stat');
        await new Promise((resolve) => fs.stat(file, () => resolve(check('in fs.stat callback'))));
      }),
      6,
    );
  });
}

// Node 24: an async function's enterWith after an await stays in that
// function's continuation; the caller resumes with its own store.
test('host: enterWith after an await does not leak to the caller', async () => {
  const als = new AsyncLocalStorage();
  async function inner() {
    await null;
    als.enterWith('inner');
    equal(als.getStore(), 'inner');
  }
  await als.run('outer', async () => {
    await inner();
    equal(als.getStore(), 'outer', 'caller after await inner()');
  });
  await inner();
  equal(als.getStore(), undefined, 'top-level caller after await inner()');
});

test('host: enterWith before the first await reaches the caller only synchronously', async () => {
  const als = new AsyncLocalStorage();
  async function inner() {
    als.enterWith('inner');
    await null;
  }
  await als.run('outer', async () => {
    const pending = inner();
    equal(als.getStore(), 'inner', 'synchronously after the call');
    await pending;
    equal(als.getStore(), 'inner', 'after await: the continuation was captured after enterWith');
  });
});
