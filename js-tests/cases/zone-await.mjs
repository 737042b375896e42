// `await` of zone.js's promises, for a page that loaded zone.js
// before this module: its global Promise is then ZoneAwarePromise, a
// thenable of its own that the engine awaits without any observable step
// on %Promise%. Without the plugin the store is lost there (never leaked);
// with it, kept. Registers nothing where zone.js is not loaded.
import { test, ok, equal } from '../support/harness.mjs';
import { exact } from '../support/subject.mjs';
import { flows, allKept, noLeaks } from '../support/flows.mjs';

const zoneLoaded = typeof globalThis.Zone === 'function';

if (zoneLoaded) {
  test(`zone.js: await of ZoneAwarePromise ${exact ? 'keeps the store' : 'never leaks'}`, async () => {
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
    (exact ? allKept : noLeaks)(seen, exact ? 16 : undefined);
  });

  test('zone.js: its zones still follow its own then callbacks', async () => {
    const zone = globalThis.Zone.current.fork({ name: 'request' });
    const name = await zone.run(() => new Promise((resolve) => setTimeout(resolve, 1)).then(() => globalThis.Zone.current.name));
    equal(name, 'request');
  });
}
