// Where the carrier can only scope a store to a callback (workerd, TC39
// AsyncContext: the scoped native carrier), a store set outside every run()
// would sit in the one cell that every root task of the realm shares. There
// enterWith and withScope outside run() throw ERR_METHOD_NOT_IMPLEMENTED (as
// workerd's own enterWith throws) and leave nothing; elsewhere they follow
// Node. Either way no other root task may see the store: before the scoped
// carrier refused, every later request of a workerd isolate saw it.
import { test, equal } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';

// Runs set() in a root timer; answers whether it threw Node's "not here".
function inRootTimer(set) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        set();
        resolve('set');
      } catch (error) {
        if (error?.code === 'ERR_METHOD_NOT_IMPLEMENTED') resolve('refused');
        else reject(error);
      }
    }, 0);
  });
}

const laterRootTimer = (read) => new Promise((resolve) => setTimeout(() => resolve(read()), 5));

test('root: an enterWith outside every run is seen by no other root task (or refused where no scope holds it)', async () => {
  const storage = new AsyncLocalStorage();
  const [outcome, seen] = await Promise.all([
    inRootTimer(() => storage.enterWith('first request')),
    laterRootTimer(() => storage.getStore()),
  ]);
  equal(seen, undefined, `another root task after the enterWith (${outcome})`);
  equal(storage.getStore(), undefined, 'the root afterwards');
});

test('root: a withScope left open outside every run is seen by no other root task (or refused)', async () => {
  const storage = new AsyncLocalStorage();
  const [outcome, seen] = await Promise.all([
    inRootTimer(() => storage.withScope('first request')),
    laterRootTimer(() => storage.getStore()),
  ]);
  equal(seen, undefined, `another root task after the withScope (${outcome})`);
});

test('root: a scope disposed outside every run after its run ended is seen by no other root task', async () => {
  const storage = new AsyncLocalStorage();
  const [outcome, seen] = await Promise.all([
    inRootTimer(() => {
      let scope;
      storage.run('outer', () => {
        scope = storage.withScope('inner');
      });
      scope.dispose();
    }),
    laterRootTimer(() => storage.getStore()),
  ]);
  equal(seen, undefined, `another root task after the dispose (${outcome})`);
});
