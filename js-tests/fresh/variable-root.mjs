// Root behaviour of TC39's AsyncContext.Variable, the
// counterparts of enter-with.mjs and async.mjs. A Variable has no enterWith:
// a flow enters with run(), so "what an enterWith leaves behind" becomes
// "what a run whose async work outlives it leaves behind". Each case runs
// in a fresh realm, since a frame left by an earlier case would hide what
// these look for. Not for the host's own (ALS_IMPL=node): no host ships
// AsyncContext.
import { test, equal, deepEqual } from '../support/harness.mjs';
import { AsyncContext, exact } from '../support/subject.mjs';
import { ROOT_TASKS, rootTask, sleep, swallowErrors } from './support.mjs';

const over = ' (over AsyncContext.Variable)';

if (AsyncContext) {
  const { Variable, Snapshot } = AsyncContext;

  // After enter-with.mjs's first case (Node's
  // async-hooks/test-async-local-storage-enter-with.js).
  test(`root: a run in a root callback reaches its own later timer, not another root timer${over}`, async () => {
    const variable = new Variable();
    const store = { foo: 'bar' };
    const seen = {};
    const schedule = globalThis.setImmediate ?? ((fn) => setTimeout(fn, 0));
    await new Promise((resolve) => {
      schedule(() => {
        variable.run(store, () => {
          seen.inside = variable.get();
          setTimeout(() => (seen.own = variable.get()), 10);
        });
        seen.afterRun = variable.get();
      });
      setTimeout(() => {
        seen.other = variable.get();
        setTimeout(resolve, 20);
      }, 10);
    });
    equal(seen.inside, store, 'inside run');
    equal(seen.afterRun, undefined, 'the callback after run');
    equal(seen.own, store, 'a timer scheduled inside run');
    equal(seen.other, undefined, 'a root timer scheduled before');
  });

  test(`root: an async run in a root then-callback reaches neither another root then-callback nor the root${over}`, async () => {
    const variable = new Variable();
    const seen = [];
    const first = Promise.resolve().then(() =>
      variable.run('first', async () => {
        await Promise.resolve();
        await sleep(1);
        seen.push(`own:${variable.get()}`);
      }),
    );
    const second = Promise.resolve().then(() => seen.push(`second:${variable.get()}`));
    // Runs while first's run is suspended at its awaits.
    const later = Promise.resolve().then(() => 0).then(() => 0).then(() => seen.push(`later:${variable.get()}`));
    await Promise.all([first, second, later]);
    deepEqual(seen.sort(), ['later:undefined', 'own:first', 'second:undefined']);
    equal(variable.get(), undefined, 'the awaiting root code');
  });

  test(`root: a run in a root queueMicrotask callback, awaiting, does not reach the next one${over}`, async () => {
    const variable = new Variable();
    const seen = [];
    await new Promise((resolve) => {
      queueMicrotask(() => {
        seen.push(variable.get());
        variable.run('first', async () => {
          await Promise.resolve();
          seen.push(variable.get());
        });
      });
      queueMicrotask(() => {
        seen.push(variable.get());
        setTimeout(resolve, 1);
      });
    });
    deepEqual(seen, [undefined, undefined, 'first']);
    equal(variable.get(), undefined);
  });

  test(`root: a run in a setInterval tick lasts for that tick's own work only${over}`, async () => {
    const variable = new Variable();
    const seen = [];
    await new Promise((resolve) => {
      let tick = 0;
      const timer = setInterval(() => {
        seen.push(variable.get());
        variable.run(`tick ${++tick}`, async () => {
          await sleep(0);
        });
        if (tick === 3) {
          clearInterval(timer);
          setTimeout(resolve, 5);
        }
      }, 1);
    });
    equal(seen.join('|'), '||');
    equal(variable.get(), undefined);
  });

  test(`root: a run that throws in a root timer or then-callback leaves nothing behind${over}`, async () => {
    const variable = new Variable();
    const swallowed = swallowErrors('thrown on purpose');
    setTimeout(() => variable.run('thrower', () => {
      throw new Error('thrown on purpose');
    }), 0);
    await sleep(5);
    const inTimer = await new Promise((resolve) => setTimeout(() => resolve(variable.get()), 0));
    const failed = Promise.resolve().then(() => variable.run('thrower', () => {
      throw new Error('no');
    }));
    let inThen = 'unset';
    const other = Promise.resolve().then(() => (inThen = variable.get()));
    const inCatch = await failed.catch(() => variable.get());
    await other;
    equal(swallowed.length, 1, 'the error reached the host');
    equal(inTimer, undefined, 'a later root timer');
    equal(inThen, undefined, 'another root then-callback');
    equal(inCatch, undefined, 'the catch callback');
    equal(variable.get(), undefined);
  });

  test(`root: root tasks of every kind see the default value, before and after other flows' runs${over}`, async () => {
    const variable = new Variable({ defaultValue: 'default' });
    const before = await Promise.all(ROOT_TASKS.map((kind) => rootTask(kind, 0, () => variable.get())));
    await Promise.all([1, 2].map((id) => variable.run(`flow ${id}`, async () => {
      await sleep(id);
      await Promise.resolve();
    })));
    const after = await Promise.all(ROOT_TASKS.map((kind) => rootTask(kind, 1, () => variable.get())));
    deepEqual(before, ROOT_TASKS.map(() => 'default'), `before: ${ROOT_TASKS}`);
    deepEqual(after, ROOT_TASKS.map(() => 'default'), `after: ${ROOT_TASKS}`);
  });

  // The proposal: a Snapshot holds the whole mapping, so one taken at the
  // root leaves every Variable unset, those made later too.
  test(`root: a Snapshot and a wrap taken at the root run with every Variable unset, inside runs and after awaits${over}`, async () => {
    const variable = new Variable({ defaultValue: 'default' });
    const rootSnapshot = new Snapshot();
    const wrapped = Snapshot.wrap(async () => {
      const first = variable.get();
      await sleep(1);
      return [first, variable.get()];
    });
    const seen = await variable.run('inner', async () => {
      const inSnapshot = rootSnapshot.run(() => variable.get());
      const inWrap = await wrapped();
      const afterSnapshotAwait = await rootSnapshot.run(async () => {
        await Promise.resolve();
        return variable.get();
      });
      return { inSnapshot, inWrap, afterSnapshotAwait, own: variable.get() };
    });
    deepEqual(seen, { inSnapshot: 'default', inWrap: ['default', 'default'], afterSnapshotAwait: 'default', own: 'inner' });
    const late = new Variable();
    equal(late.run('x', () => rootSnapshot.run(() => late.get())), undefined, 'a Variable made after the snapshot');
  });

  // After async.mjs's "two root flows resuming after one promise".
  test(`async: root flows resuming after one promise start unset and keep their own runs${over}`, async () => {
    const variable = new Variable();
    let release;
    const shared = new Promise((resolve) => (release = resolve));
    const flow = async (name) => {
      await shared;
      const first = variable.get();
      return variable.run(name, async () => {
        await shared;
        return [first, variable.get()];
      });
    };
    const flows = [flow('a'), flow('b'), flow('c')];
    release();
    deepEqual(await Promise.all(flows), [[undefined, 'a'], [undefined, 'b'], [undefined, 'c']]);
    equal(variable.get(), undefined);
  });

  // After async.mjs's async generators case. Each generator is made inside
  // its consumer's run, so the proposal (creation context) and als-wasm
  // (the caller's) agree here; unlike enterWith, nothing is left at the
  // root afterwards.
  test(`async: async generators consumed in root runs keep each flow to itself${over}`, async () => {
    const variable = new Variable();
    async function* numbers() {
      yield variable.get();
      await sleep(1);
      yield variable.get();
    }
    const seen = [];
    const consume = (name) => variable.run(name, async () => {
      for await (const value of numbers()) seen.push(`${name}:${value}`);
      return variable.get();
    });
    const after = await Promise.all([consume('x'), consume('y')]);
    deepEqual(seen.sort(), ['x:x', 'x:x', 'y:y', 'y:y']);
    deepEqual(after, ['x', 'y'], 'each consumer after its loop');
    equal(variable.get(), undefined);
  });

  // After async.mjs's `await 5` cases: code after `await 5`, which no
  // carrier job encloses (the patch carrier loses the run's value there,
  // docs/browser-carrier.md), must not pass a value to another root flow after its own.
  test(`async: a run's code after await 5 ${exact ? 'keeps its value and ' : ''}reaches no other root flow after its await 5${over}`, async () => {
    const variable = new Variable();
    const inRun = variable.run('entered', async () => {
      await 5;
      const seen = variable.get();
      await 5;
      return seen;
    });
    const reading = (async () => {
      await 5;
      await 5;
      return variable.get();
    })();
    equal(await inRun, exact ? 'entered' : undefined, 'the run after await 5');
    equal(await reading, undefined, 'another root flow after its await 5');
    equal(variable.get(), undefined);
  });
}
