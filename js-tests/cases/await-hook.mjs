// Edges of the patch carrier's await hook, as a user meets them:
// a then read in one flow and called in another, subclasses that override
// then, a settled value that later grew a then. Each holds on the host's own
// AsyncLocalStorage too, or says where the patch carrier differs.
import { test, equal, ok } from '../support/harness.mjs';
import { exact, thenLeftToEngine } from '../support/subject.mjs';
import { storage, flows, allKept, noLeaks } from '../support/flows.mjs';

test('propagation: a then read in one flow and called in another runs the callback in the caller\'s flow', async () => {
  class Sub extends Promise {}
  const sub = Sub.resolve(1);
  const native = Promise.resolve(1);
  let subThen;
  let nativeThen;
  storage.run({ id: 1 }, () => {
    subThen = sub.then;
    if (native.constructor !== Promise) throw new Error('constructor identity');
    nativeThen = native.then;
  });
  const seen = [];
  await storage.run({ id: 2 }, () => Promise.all([
    subThen.call(sub, () => seen.push({ id: 2, label: 'subclass then', seen: storage.getStore()?.id })),
    nativeThen.call(native, () => seen.push({ id: 2, label: 'native then', seen: storage.getStore()?.id })),
  ]));
  // With the hook off the engine's then runs them with no store, never 1.
  if (thenLeftToEngine) equal(seen.map((s) => s.seen).join(), ',');
  else allKept(seen, 2);
});

test('propagation: a subclass\'s then that calls super.then runs the callbacks in the caller\'s flow', async () => {
  // As promise libraries that subclass Promise do (cancelable, traced).
  class Traced extends Promise {
    then(onFulfilled, onRejected) {
      return super.then(onFulfilled, onRejected);
    }

    catch(onRejected) {
      return super.catch(onRejected);
    }

    finally(onFinally) {
      // biome-ignore lint/complexity/useLiteralKeys: a computed super read is rewritten too
      return super['finally'](onFinally);
    }
  }
  allKept(
    await flows(3, async (id, check) => {
      const settled = Traced.resolve(id);
      const rejected = Traced.reject(new Error('no'));
      await Promise.all([
        settled.then(() => check('subclass then')),
        rejected.catch(() => check('subclass catch')),
        settled.finally(() => check('subclass finally')),
        new Traced((resolve) => setTimeout(resolve, 4 - id)).then(() => check('subclass then, pending')),
      ]);
    }),
    12,
  );
});

test('propagation: await of subclass instances that override then', async () => {
  class Traced extends Promise {
    then(onFulfilled, onRejected) {
      return super.then(onFulfilled, onRejected);
    }
  }
  class Deeper extends Traced {}
  allKept(
    await flows(3, async (id, check) => {
      await Traced.resolve(id);
      check('after a settled override');
      await new Traced((resolve) => setTimeout(resolve, 4 - id));
      check('after a pending override');
      await Deeper.resolve(id);
      check('after a subclass of the override');
      ok((await Traced.resolve(id)) === id, 'the value');
    }),
    9,
  );
});

// The engine's fast path hands `await` the value as it is; the patch
// carrier's slow path resolves a promise with it, which adopts a thenable:
// then is called, the value changes and the store is lost (docs/browser-carrier.md,
// limits). Never a leak.
test(`propagation: await of a promise whose value became a thenable after it settled ${exact ? 'answers the value' : 'adopts it (a limit)'}`, async () => {
  const seen = await flows(2, async (id, check) => {
    const value = { id };
    const settled = Promise.resolve(value);
    await settled;
    let calls = 0;
    value.then = (resolve) => {
      calls++;
      resolve('adopted');
    };
    const got = await settled;
    check('after the await');
    delete value.then;
    if (exact) {
      equal(got, value, 'the value itself');
      equal(calls, 0, 'then never called');
    } else {
      equal(got, 'adopted');
      equal(calls, 1);
    }
  });
  equal(seen.length, 2);
  (exact ? allKept : noLeaks)(seen);
});
