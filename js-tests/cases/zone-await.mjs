// `await` of zone.js's promises, for a page that loaded zone.js
// before this module: its global Promise is then ZoneAwarePromise, a
// thenable of its own that the engine adopts through its `then`, and whose
// callbacks zone.js runs from its own queue. The carrier follows that class
// (carrier/replaced-promise.js), with or without the plugin: awaits of it,
// its then/catch/finally callbacks (what downleveled `async` runs on) and
// its statics keep each flow's store, and code outside every flow sees
// none. Registers nothing where zone.js is not loaded.
import { test, ok, equal } from '../support/harness.mjs';
import { flows, allKept, storage } from '../support/flows.mjs';

const zoneLoaded = typeof globalThis.Zone === 'function';

if (zoneLoaded) {
  test('zone.js: await of ZoneAwarePromise keeps the store', async () => {
    ok(String(Promise).includes('ZoneAwarePromise') || Promise.name === 'ZoneAwarePromise', 'the global Promise is zone.js\'s');
    const seen = await flows(4, async (id, check) => {
      await new Promise((resolve) => setTimeout(resolve, 4 - id));
      check('after a pending ZoneAwarePromise');
      await Promise.resolve(id);
      check('after a settled ZoneAwarePromise');
      try {
        // Rejected later: zone.js reports a rejection that no then handles by
        // its next microtask checkpoint, and an await attaches its then later.
        await new Promise((_, reject) => setTimeout(() => reject(new Error('no')), 1));
      } catch {
        check('after a rejected ZoneAwarePromise');
      }
      await Promise.all([Promise.resolve(1), new Promise((resolve) => setTimeout(resolve, 1))]);
      check('after ZoneAwarePromise.all');
    });
    allKept(seen, 16);
  });

  test('zone.js: then, catch and finally callbacks of ZoneAwarePromise keep the store (downleveled async)', async () => {
    const seen = await flows(4, (id, check) => {
      // What esbuild and TypeScript make of an async function for ES2016.
      const step = (gen, value) => {
        const next = gen.next(value);
        return next.done ? Promise.resolve(next.value) : Promise.resolve(next.value).then((v) => step(gen, v));
      };
      const downleveled = function* () {
        yield new Promise((resolve) => setTimeout(resolve, 5 - id));
        check('after a yield of a pending ZoneAwarePromise');
        yield id;
        check('after a yield of a value');
      };
      return step(downleveled())
        .then(() => check('in then'))
        .then(() => Promise.reject(new Error('no')))
        .catch(() => check('in catch'))
        .finally(() => check('in finally'))
        .then(() => Promise.all([new Promise((resolve) => setTimeout(resolve, 1)), Promise.race([Promise.resolve(id)])]))
        .then(() => check('after all and race'));
    });
    allKept(seen, 24);
  });

  test('zone.js: code outside every flow sees no store in its callbacks', async () => {
    // The flow queues zone.js's drain; the root code's callbacks run in the same drain.
    const seenAtRoot = [];
    const inFlow = storage.run({ id: 'flow' }, () => Promise.resolve().then(() => storage.getStore()?.id));
    Promise.resolve().then(() => seenAtRoot.push(storage.getStore()));
    queueMicrotask(() => seenAtRoot.push(storage.getStore()));
    equal(await inFlow, 'flow');
    await new Promise((resolve) => setTimeout(resolve, 1));
    equal(seenAtRoot.length, 2);
    ok(seenAtRoot.every((store) => store === undefined), `root callbacks saw ${JSON.stringify(seenAtRoot)}`);
  });

  test('zone.js: its zones still follow its own then callbacks', async () => {
    const zone = globalThis.Zone.current.fork({ name: 'request' });
    const name = await zone.run(() => new Promise((resolve) => setTimeout(resolve, 1)).then(() => globalThis.Zone.current.name));
    equal(name, 'request');
  });
}
