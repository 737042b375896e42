// Events from the host reach listeners the carrier does not wrap: over TC39's
// AsyncContext.Variable, the counterparts of host-events.mjs. The
// proposal runs externally caused events in the empty context, so each
// handler starts with the Variable's default value, whatever runs the
// handlers before it started (a Variable has no enterWith: they enter with
// run). Each case in a fresh realm.
import { test, equal, deepEqual } from '../support/harness.mjs';
import { AsyncContext } from '../support/subject.mjs';
import { hostEvents, sleep, swallowErrors } from './support.mjs';

const over = ' (over AsyncContext.Variable)';

if (AsyncContext) {
  const { Variable } = AsyncContext;

  test(`host: 24 concurrent Service-Worker-style handlers each start with the default value${over}`, async () => {
    const variable = new Variable({ defaultValue: 'default' });
    const results = await hostEvents(24, (i) => {
      const first = variable.get();
      return variable.run({ request: i }, async () => {
        await sleep(i % 3);
        await Promise.resolve();
        return { first, later: variable.get()?.request };
      });
    });
    deepEqual(results.map((r) => r.first), Array(24).fill('default'), 'the first line of each handler');
    deepEqual(results.map((r) => r.later), results.map((_, i) => i), 'each handler after its awaits');
  });

  test(`host: an async run a handler starts after its first await leaves nothing for the next handlers${over}`, async () => {
    const variable = new Variable();
    let release;
    const shared = new Promise((resolve) => (release = resolve));
    const results = hostEvents(8, async (i) => {
      await shared;
      const first = variable.get();
      const own = await variable.run(`request ${i}`, async () => {
        await Promise.resolve();
        return variable.get();
      });
      return { first, own };
    });
    await sleep(20);
    release();
    const seen = await results;
    deepEqual(seen.map((r) => r.first), Array(8).fill(undefined), 'right after the shared await');
    deepEqual(seen.map((r) => r.own), seen.map((_, i) => `request ${i}`), 'each run after its await');
    equal(variable.get(), undefined);
  });

  test(`host: a handler whose run throws leaves nothing for the next one${over}`, async () => {
    const variable = new Variable();
    const swallowed = swallowErrors('thrown on purpose');
    const firsts = [];
    await hostEvents(3, (i) => {
      firsts.push(variable.get());
      variable.run(`handler ${i}`, () => {
        if (i < 2) throw new Error('thrown on purpose');
      });
    }, { apart: 20 });
    await sleep(5);
    deepEqual(firsts, [undefined, undefined, undefined]);
    equal(swallowed.length, 2, 'the errors reached the host');
  });
}
