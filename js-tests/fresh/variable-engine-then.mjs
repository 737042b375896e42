// Over TC39's AsyncContext.Variable, the counterparts of
// engine-then.mjs and early-subclass.mjs: the engine's own then and a
// Promise subclass, both kept from before the import (before-import.mjs).
// A Variable lives in the same frames as AsyncLocalStorage, so the same
// holds. Each case in a fresh realm.
import { test, equal } from '../support/harness.mjs';
import { AsyncContext, carrier, exact } from '../support/subject.mjs';

const over = ' (over AsyncContext.Variable)';
const engineThen = globalThis.__engineThen;
const Early = globalThis.__EarlySubclass;

if (AsyncContext) {
  const { Variable } = AsyncContext;

  // What a reaction on `promise` registered from the root through the
  // engine's then sees, and what a timer it schedules sees.
  const observe = (variable, promise) =>
    new Promise((resolve) => {
      engineThen.call(promise, () => {
        const inReaction = variable.get();
        setTimeout(() => resolve({ inReaction, inTimer: variable.get() }), 0);
      });
    });

  // The plugin rewrites awaits, not then calls.
  const engineExact = carrier !== 'patch';

  test(`engine-then: callbacks ${engineExact ? 'keep the value' : 'see no value'} of the run that registered them${over}`, async () => {
    const variable = new Variable();
    const seen = await variable.run('mine', () => new Promise((resolve) => engineThen.call(Promise.resolve(), () => resolve(variable.get()))));
    equal(seen, engineExact ? 'mine' : undefined);
  });

  test(`engine-then: resolving with a subclass instance in a run brackets nothing${over}`, async () => {
    class Sub extends Promise {}
    const variable = new Variable();
    const outer = variable.run('A', () => new Promise((resolve) => resolve(Sub.resolve(1))));
    const seen = await observe(variable, outer);
    equal(seen.inReaction, undefined, 'the reaction');
    equal(seen.inTimer, undefined, 'a timer it scheduled');
  });

  test(`engine-then: an async function returning a subclass instance in a run brackets nothing${over}`, async () => {
    class Sub extends Promise {}
    const variable = new Variable();
    const outer = variable.run('A', async () => Sub.resolve(1));
    const seen = await observe(variable, outer);
    equal(seen.inReaction, undefined, 'the reaction');
    equal(seen.inTimer, undefined, 'a timer it scheduled');
  });

  // early-subclass.mjs re-enters with enterWith after the first await; a
  // Variable runs the later awaits in a second run instead.
  test(`early-subclass: the first await of a subclass defined before the import ${exact ? 'keeps' : 'loses'} the value, the later ones keep it${over}`, async () => {
    const variable = new Variable();
    const first = await variable.run('mine', async () => {
      await Early.resolve(1);
      return variable.get();
    });
    const later = await variable.run('mine', async () => {
      const after = [];
      await Early.resolve(2);
      after.push(variable.get());
      await new Early((resolve) => setTimeout(resolve, 1));
      after.push(variable.get());
      return after;
    });
    equal([first, ...later].join(), exact ? 'mine,mine,mine' : ',mine,mine');
  });
}
