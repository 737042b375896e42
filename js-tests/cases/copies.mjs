// Two copies of als-wasm in one realm (two bundles that each carry it, or a
// Rust app's own wasm beside the npm package) share one context: each copy
// sees the other's run across async work, their keys never clash, and the
// carrier installed first carries both.
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage, carrier, importCopy } from '../support/subject.mjs';
import { sleep } from '../support/flows.mjs';

const copy = await importCopy();

if (copy) {
  test('copies: a second copy reports the carrier of the realm', () => {
    equal(copy.carrier, carrier);
    equal(copy.AsyncLocalStorage === AsyncLocalStorage, false, 'a real second copy');
  });

  test('copies: runs of both copies nest and survive awaits and timers', async () => {
    const ours = new AsyncLocalStorage();
    const theirs = new copy.AsyncLocalStorage();
    const seen = [];
    const look = () => seen.push(`${ours.getStore()}/${theirs.getStore()}`);
    await ours.run('a', () =>
      theirs.run('b', async () => {
        look();
        await sleep(1);
        look();
        await new Promise((resolve) => setTimeout(() => resolve(look()), 1));
        await theirs.run('c', async () => {
          await Promise.resolve();
          look();
        });
        look();
      }),
    );
    look();
    equal(seen.join(), 'a/b,a/b,a/b,a/c,a/b,undefined/undefined');
  });

  test('copies: storages of the two copies never share a key', () => {
    const ours = Array.from({ length: 40 }, () => new AsyncLocalStorage());
    const theirs = Array.from({ length: 40 }, () => new copy.AsyncLocalStorage());
    for (const [i, storage] of theirs.entries()) {
      storage.run(`theirs ${i}`, () => {
        const clash = ours.findIndex((o) => o.getStore() !== undefined);
        equal(clash, -1, `our storage ${clash} sees their storage ${i}'s store`);
      });
    }
  });
}
