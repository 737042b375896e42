// Errors keep their flow: where the global scope is an EventTarget that
// reports unhandled rejections and uncaught exceptions (browsers, Deno), its
// listeners run as Node 24 runs `unhandledRejection` and `uncaughtException`
// handlers (checked with node:async_hooks on Node 24): in the frame where the
// promise was rejected, and in the frame the throwing callback left. Each
// listener cancels the event, so that the host neither logs nor exits.
// At the root: a frame left by an earlier case would hide a listener that
// runs in whatever frame is current.
import { AssertionError, test, deepEqual } from '../support/harness.mjs';
import { AsyncLocalStorage, carrier } from '../support/subject.mjs';

const g = globalThis;
const reports = typeof g.addEventListener === 'function' && 'onunhandledrejection' in g && 'onerror' in g;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (done, ms = 10_000) => {
  for (const deadline = Date.now() + ms; !done() && Date.now() < deadline; ) await sleep(5);
};

// Collects what `type` listeners see, by the message of the error: through
// addEventListener and through the on<type> handler, both.
function listen(als, type) {
  const seen = {};
  const byHandler = {};
  const messageOf = (error) => (error instanceof Error ? error.message : String(error));
  const listener = (event) => {
    event.preventDefault();
    seen[messageOf(type === 'error' ? event.error : event.reason)] = als.getStore() ?? null;
  };
  g.addEventListener(type, listener);
  if (type === 'error') {
    // Browsers call onerror with (message, source, line, column, error); Deno with the event.
    g.onerror = (...args) => {
      byHandler[messageOf(args.length >= 5 ? args[4] : args[0].error)] = als.getStore() ?? null;
      args[0].preventDefault?.();
      return true;
    };
  } else {
    g.onunhandledrejection = (event) => {
      event.preventDefault();
      byHandler[messageOf(event.reason)] = als.getStore() ?? null;
    };
  }
  return {
    seen,
    byHandler,
    // Until both saw `count` reports (a loaded machine delays timers), then
    // a little longer, so that a report too many is seen too.
    async arrived(count) {
      await until(() => Object.keys(seen).length >= count && Object.keys(byHandler).length >= count);
      await sleep(20);
    },
    stop() {
      g.removeEventListener(type, listener);
      g[`on${type}`] = null;
    },
  };
}

if (reports) {
  test('uncaught: an unhandledrejection listener runs in the frame where the promise was rejected', async () => {
    const als = new AsyncLocalStorage();
    const events = listen(als, 'unhandledrejection');
    let rejectLater;
    als.run('A', () => {
      new Promise((_, reject) => setTimeout(() => reject(new Error('new Promise, rejected in a timer'))));
      new Promise((_, reject) => (rejectLater = reject));
      new Promise(() => {
        throw new Error('executor throws');
      });
      Promise.reject(new Error('Promise.reject'));
    });
    als.run('B', () => setTimeout(() => rejectLater(new Error('made in A, rejected in B'))));
    als.run('C', () => {
      Promise.resolve().then(() => {
        throw new Error('a reaction throws');
      });
      Promise.reject(new Error('passed on by then')).then(() => {});
      Promise.reject(new Error('passed on by finally')).finally(() => {});
      Promise.resolve().then(() => {
        als.enterWith('C2');
        throw new Error('a reaction throws after enterWith');
      });
    });
    let resolveLater;
    const later = new Promise((resolve) => (resolveLater = resolve));
    als.run('D', () => later.then(() => {
      throw new Error('a reaction of D, resolved by E');
    }));
    als.run('E', () => setTimeout(() => resolveLater()));
    Promise.reject(new Error('at the root'));
    await events.arrived(10);
    events.stop();
    const expected = {
      'new Promise, rejected in a timer': 'A',
      'executor throws': 'A',
      'Promise.reject': 'A',
      'made in A, rejected in B': 'B',
      'a reaction throws': 'C',
      'passed on by then': 'C',
      'passed on by finally': 'C',
      'a reaction throws after enterWith': 'C2',
      'a reaction of D, resolved by E': 'D',
      'at the root': null,
    };
    deepEqual(events.seen, expected);
    deepEqual(events.byHandler, expected);
  });

  test('uncaught: an unhandledrejection of an async function that run() called runs in its flow', async () => {
    const als = new AsyncLocalStorage();
    const events = listen(als, 'unhandledrejection');
    als.run('A', async () => {
      await sleep(1);
      throw new Error('after an await');
    });
    als.run('B', async () => {
      throw new Error('before any await');
    });
    await events.arrived(2);
    events.stop();
    const expected = { 'after an await': 'A', 'before any await': 'B' };
    deepEqual(events.seen, expected);
    deepEqual(events.byHandler, expected);
  });

  // The engine rejects the promise of an async function called anywhere
  // else with no step the patch carrier sees: its listener runs with no
  // store there (a documented limit), never another flow's (checked apart).
  const calledInFlows = async (als) => {
    const events = listen(als, 'unhandledrejection');
    const work = async (name) => {
      await sleep(1);
      throw new Error(name);
    };
    als.run('A', () => {
      work('called in a run');
    });
    als.run('B', async () => {
      await sleep(1);
      work('called after an await');
    });
    await events.arrived(2);
    events.stop();
    return events;
  };
  const ownFlows = { 'called in a run': 'A', 'called after an await': 'B' };

  test('uncaught: an unhandledrejection of an async function called in a flow runs in that flow', async () => {
    const events = await calledInFlows(new AsyncLocalStorage());
    deepEqual(events.seen, ownFlows);
    deepEqual(events.byHandler, ownFlows);
  }, { fails: carrier === 'patch' });

  test('uncaught: an unhandledrejection of an async function called in a flow never runs in another', async () => {
    const events = await calledInFlows(new AsyncLocalStorage());
    for (const seen of [events.seen, events.byHandler]) {
      deepEqual(Object.keys(seen).sort(), Object.keys(ownFlows).sort());
      for (const [name, store] of Object.entries(seen)) {
        if (store !== null && store !== ownFlows[name]) throw new AssertionError(`${name} ran in ${store}`);
      }
    }
  });

  test('uncaught: a reject() that changes nothing does not move the rejection to its caller', async () => {
    const als = new AsyncLocalStorage();
    const events = listen(als, 'unhandledrejection');
    let rejectAgain;
    let rejectLocked;
    als.run('A', () => {
      new Promise((_, reject) => {
        rejectAgain = reject;
        setTimeout(() => reject(new Error('rejected by A')));
      });
      new Promise((resolve, reject) => {
        rejectLocked = reject;
        resolve(new Promise((_, rejectInner) => setTimeout(() => rejectInner(new Error('locked to A\'s promise')), 5)));
      });
    });
    als.run('B', () => setTimeout(() => {
      rejectAgain(new Error('ignored'));
      rejectLocked(new Error('ignored too'));
    }, 2));
    await events.arrived(2);
    events.stop();
    deepEqual(events.seen, { 'rejected by A': 'A', "locked to A's promise": 'A' });
  });

  test('uncaught: an error listener never takes an exception that another flow threw again', async () => {
    const als = new AsyncLocalStorage();
    const events = listen(als, 'error');
    const shared = new Error('shared');
    const reports = [];
    g.addEventListener('error', (event) => {
      event.preventDefault();
      if (event.error === shared) reports.push(als.getStore() ?? null);
    });
    const target = new EventTarget();
    target.addEventListener('again', () => {
      throw shared;
    });
    // B's timer is the task right after A's: A's report must not reach it.
    als.run('A', () => setTimeout(() => {
      throw shared;
    }));
    als.run('B', () => setTimeout(() => target.dispatchEvent(new Event('again'))));
    await until(() => reports.length >= 2);
    await sleep(20);
    events.stop();
    deepEqual(reports, ['A', 'B']);
  });

  test('uncaught: an error listener runs in the frame the throwing callback left', async () => {
    const als = new AsyncLocalStorage();
    const events = listen(als, 'error');
    als.run('A', () => {
      setTimeout(() => {
        throw new Error('a timer throws');
      });
      queueMicrotask(() => {
        throw new Error('a microtask throws');
      });
      setTimeout(() => {
        als.enterWith('A2');
        throw new Error('a timer throws after enterWith');
      });
      setTimeout(() => {
        als.run('inner', () => {
          throw new Error('a run inside a timer throws');
        });
      });
    });
    setTimeout(() => {
      throw new Error('a root timer throws');
    });
    await events.arrived(5);
    events.stop();
    const expected = {
      'a timer throws': 'A',
      'a microtask throws': 'A',
      'a timer throws after enterWith': 'A2',
      'a run inside a timer throws': 'A',
      'a root timer throws': null,
    };
    deepEqual(events.seen, expected);
    deepEqual(events.byHandler, expected);
  });

  test('uncaught: 20 concurrent flows, each report in its own flow, none in another', async () => {
    const als = new AsyncLocalStorage();
    const rejections = listen(als, 'unhandledrejection');
    const errors = listen(als, 'error');
    const flows = Array.from({ length: 20 }, (_, i) => `flow ${i}`);
    for (const [i, flow] of flows.entries()) {
      als.run(flow, async () => {
        await sleep(20 - i);
        await Promise.resolve();
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${flow} rejects`)), i % 3));
        Promise.resolve().then(() => sleep(i % 2)).then(() => {
          throw new Error(`${flow} reaction throws`);
        });
        setTimeout(() => {
          throw new Error(`${flow} timer throws`);
        }, i % 4);
      });
    }
    await rejections.arrived(40);
    await errors.arrived(20);
    rejections.stop();
    errors.stop();
    const expected = (suffixes) => Object.fromEntries(flows.flatMap((flow) => suffixes.map((s) => [`${flow} ${s}`, flow])));
    deepEqual(rejections.seen, expected(['rejects', 'reaction throws']));
    deepEqual(errors.seen, expected(['timer throws']));
  });
}
