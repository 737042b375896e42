// A Promise subclass defined before the import: the patch carrier meets it
// at the first then read of one of its instances, so at most the first
// await of such an instance loses the store (docs/browser-carrier.md, limits); every later
// one keeps it.
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage, exact } from '../support/subject.mjs';

test(`early-subclass: the first await of a subclass defined before the import ${exact ? 'keeps' : 'loses'} the store, the later ones keep it`, async () => {
  const Early = globalThis.__EarlySubclass;
  const als = new AsyncLocalStorage();
  const seen = await als.run('mine', async () => {
    const after = [];
    await Early.resolve(1);
    after.push(als.getStore());
    als.enterWith('mine');
    await Early.resolve(2);
    after.push(als.getStore());
    await new Early((resolve) => setTimeout(resolve, 1));
    after.push(als.getStore());
    return after;
  });
  equal(seen.join(), exact ? 'mine,mine,mine' : ',mine,mine');
});
