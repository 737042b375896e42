// The propagation matrix: every case runs concurrent flows and
// asserts both "kept" (each flow sees its own store) and "no other flow's
// store". Host APIs a host lacks are not registered there. Cases whose
// semantics are the browser's (events, observers) skip Node's own ALS.
// Every row runs over AsyncLocalStorage and, where the implementation has
// it, over TC39's AsyncContext.Variable (flow-contexts.mjs): the
// same frames, so the same results, losses included. None of these rows uses
// enterWith, so none is skipped for Variable. Where the proposal's
// web integration differs, the Variable rows still assert als-wasm's rule
// (docs/async-context.md): MessageChannel messages (proposal: empty context),
// observers (proposal: empty), generator bodies (proposal: the creation
// context; here the flow is both), `await 5` and thenables on the patch
// carrier (proposal: kept).
import { test as register, equal, ok, deepEqual } from '../support/harness.mjs';
import { carrier, exact } from '../support/subject.mjs';
import { allKept, noLeaks, sleep, countdown } from '../support/flows.mjs';
import { flowContexts } from '../support/flow-contexts.mjs';

const g = globalThis;
// Events and observers follow docs/architecture.md's rules only with the patch carrier;
// a host's own carrier (and the host's own ALS) has the host's rules.
const browserSemantics = carrier === 'patch';

for (const ctx of flowContexts) matrix(ctx);

// The rows, over one context (flow-contexts.mjs): each row's name ends with
// the context's (nothing for AsyncLocalStorage).
function matrix(ctx) {
  const { flows } = ctx;
  const test = (name, fn) => register(name + ctx.name, fn);

  // --- promises -------------------------------------------------------------

  test('propagation: then/catch/finally run in the frame of the call', async () => {
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    const failing = gate.then(() => Promise.reject(new Error('x')));
    failing.catch(() => {});
    const seen = flows(4, (id, check) =>
      Promise.all([
        gate.then(() => check('then')),
        failing.catch(() => check('catch')),
        gate.finally(() => check('finally')),
        failing.then(null, () => check('then(, onRejected)')),
      ]),
    );
    setTimeout(release, 1);
    allKept(await seen, 16);
  });

  test('propagation: await of pending, settled and rejected native promises', async () => {
    const settled = Promise.resolve(7);
    allKept(
      await flows(5, async (id, check) => {
        await sleep(5 - id);
        check('after pending');
        await settled;
        check('after settled');
        try {
          await Promise.reject(new Error('no'));
        } catch {
          check('in catch');
        }
        await new Promise((resolve) => queueMicrotask(resolve));
        check('after microtask-resolved');
      }),
      20,
    );
  });

  test('propagation: await of Promise subclass instances', async () => {
    class Sub extends Promise {}
    allKept(
      await flows(3, async (id, check) => {
        await Sub.resolve(id);
        check('after settled subclass');
        await new Sub((resolve) => setTimeout(resolve, 4 - id));
        check('after pending subclass');
      }),
      6,
    );
  });

  test('propagation: Promise.all / race / any / allSettled', async () => {
    allKept(
      await flows(3, async (id, check) => {
        await Promise.all([sleep(id), Promise.resolve(1)]);
        check('all');
        await Promise.race([sleep(4 - id), sleep(10)]);
        check('race');
        await Promise.any([Promise.reject(new Error('a')), sleep(id)]);
        check('any');
        await Promise.allSettled([Promise.reject(new Error('b')), sleep(1)]);
        check('allSettled');
      }),
      12,
    );
  });

  test('propagation: async generators, for await and yield*', async () => {
    async function* inner() {
      await sleep(1);
      yield 1;
      yield Promise.resolve(2);
    }
    async function* outer(check) {
      yield* inner();
      check('in generator after yield*');
      await sleep(1);
      yield 3;
    }
    allKept(
      await flows(3, async (id, check) => {
        for await (const _ of outer(check)) check('for await body');
        for await (const _ of [sleep(1), Promise.resolve(2)]) check('for await over sync iterable');
        check('after loops');
      }),
      3 * 7,
    );
  });

  test('propagation: nested runs and exit across awaits', async () => {
    const inner = ctx.another();
    allKept(
      await flows(3, async (id, check) => {
        await inner.run(id * 10, async () => {
          await sleep(1);
          equal(inner.get(), id * 10);
          check('inner run');
        });
        equal(inner.get(), undefined);
        await ctx.exit(async () => {
          await sleep(1);
          equal(ctx.get(), undefined, 'exit keeps no store across await');
        });
        check('after exit');
      }),
      6,
    );
  });

  test('propagation: whatever follows the flows runs in no context', async () => {
    await flows(3, async () => {
      await sleep(1);
    });
    equal(ctx.get(), undefined);
    await sleep(1);
    equal(ctx.get(), undefined);
  });

  test('propagation: Promise identity and subclassing behave as without the library', async () => {
    const p = Promise.resolve(1);
    equal(Promise.resolve(p), p);
    equal(p.constructor, Promise);
    ok(p instanceof Promise);
    class Sub extends Promise {}
    const s = Sub.resolve(1);
    ok(s instanceof Sub && s instanceof Promise);
    ok(s.then(() => {}) instanceof Sub, 'species');
    await ctx.run({ id: 1 }, async () => {
      equal(Promise.resolve(p), p, 'Promise.resolve(p) in a context');
      ok(p instanceof Promise);
      ok(s.then(() => {}) instanceof Sub, 'species in a context');
      ok(new p.constructor((r) => r(1)) instanceof Promise, 'p.constructor constructs');
      equal(p.constructor.resolve(p), p);
      equal(await p, 1);
    });
  });

  test('propagation: bind and snapshot carry a flow into callbacks other flows and root timers call', async () => {
    const taken = [];
    await flows(3, async (id) => {
      await sleep(3 - id);
      const bound = ctx.bind(async () => {
        const first = ctx.get()?.id;
        await sleep(1);
        return [first, ctx.get()?.id];
      });
      taken.push({ id, bound, snapshot: ctx.snapshot() });
    });
    const seen = [];
    const record = (id, label, got) => seen.push({ id, label, seen: got });
    await Promise.all(
      taken.map(async ({ id, bound, snapshot }) => {
        const [first, later, caller] = await ctx.run({ id: 99 }, async () => [...(await bound()), ctx.get()?.id]);
        record(id, 'bound, called in another flow', first);
        record(id, 'bound, called in another flow, after an await', later);
        equal(caller, 99, 'the calling flow after the bound function');
        const [fromTimer, fromTimerLater] = await new Promise((resolve) => setTimeout(() => resolve(bound()), id));
        record(id, 'bound, called from a root timer', fromTimer);
        record(id, 'bound, called from a root timer, after an await', fromTimerLater);
        record(id, 'snapshot run in another flow', ctx.run({ id: 99 }, () => snapshot(() => ctx.get()?.id)));
        const afterAwait = await ctx.run({ id: 99 }, () => snapshot(async () => {
          await sleep(1);
          return ctx.get()?.id;
        }));
        record(id, 'snapshot run in another flow, after an await', afterAwait);
      }),
    );
    allKept(seen, 3 * 6);
    equal(ctx.get(), undefined);
  });

  // --- the patch carrier's limits: lost, never leaked --------------------------

  test(`propagation: await of non-promises and foreign thenables ${exact ? 'keeps the store' : 'never leaks'}`, async () => {
    const thenable = { then: (resolve) => setTimeout(() => resolve(1), 1) };
    const body = async (id, check) => {
      await sleep(4 - id);
      await 5;
      check('after await 5');
      await sleep(1);
      check('after await of a timer promise');
      await thenable;
      check('after await of a thenable');
      await sleep(id);
      check('after a later await');
    };
    const seen = await flows(4, body);
    (exact ? allKept : noLeaks)(seen);
    // Over a Variable: the very checkpoints AsyncLocalStorage loses, no more.
    if (ctx !== flowContexts[0]) {
      const lost = (list) => list.filter((s) => s.seen === undefined).map((s) => `flow ${s.id} ${s.label}`).sort();
      deepEqual(lost(seen), lost(await flowContexts[0].flows(4, body)), "losses beside AsyncLocalStorage's");
    }
  });

  test('propagation: a then read by user code is still a then (no stray bracket leaks)', async () => {
    // User code reading p.constructor and then p.then, and Promise subclass
    // instances, receive the await hook's then; called by user code it must
    // behave as then(), and never move a root flow into the caller's context.
    class Sub extends Promise {}
    let rootSaw = 'unset';
    let release;
    const shared = new Promise((resolve) => (release = resolve));
    const rootWaiter = (async () => {
      await shared;
      rootSaw = ctx.get();
    })();
    const seen = await flows(2, async (id, check) => {
      const p = Promise.resolve(id);
      const sub = Sub.resolve(id);
      if (p.constructor === undefined) throw new Error('unreachable');
      const viaNative = await new Promise((resolve, reject) => p.then(resolve, reject));
      check('after user then with resolving functions');
      const viaSub = await new Promise((resolve, reject) => sub.then(resolve, reject));
      check('after subclass then with resolving functions');
      equal(viaNative + viaSub, 2 * id);
      await new Promise((resolve) => sub.then((v) => resolve(check('in subclass then callback'))));
      if (id === 1) sub.then(release);
    });
    allKept(seen, 6);
    await rootWaiter;
    equal(rootSaw, undefined);
  });

  // --- schedulers -------------------------------------------------------------

  test('propagation: queueMicrotask, setTimeout, setInterval and clears', async () => {
    allKept(
      await flows(4, async (id, check) => {
        await new Promise((resolve) => queueMicrotask(() => resolve(check('microtask'))));
        await new Promise((resolve) => setTimeout(() => resolve(check('timeout')), 5 - id));
        await new Promise((resolve) => setTimeout((a, b) => resolve(check(`timeout args ${a}${b}`)), 1, 'x', 'y'));
        await new Promise((resolve) => {
          let n = 0;
          const timer = setInterval(() => {
            check('interval');
            if (++n === 2) {
              clearInterval(timer);
              resolve();
            }
          }, 1);
        });
        const cancelled = setTimeout(() => check('cancelled timer ran'), 1);
        clearTimeout(cancelled);
        await sleep(3);
      }),
      20,
    );
  });

  if (typeof g.setImmediate === 'function') {
    test('propagation: setImmediate', async () => {
      allKept(await flows(3, (id, check) => new Promise((resolve) => setImmediate(() => resolve(check('immediate'))))), 3);
    });
  }

  if (typeof g.requestAnimationFrame === 'function') {
    test('propagation: requestAnimationFrame', async () => {
      allKept(await flows(3, (id, check) => new Promise((resolve) => requestAnimationFrame(() => resolve(check('raf'))))), 3);
    });
  }

  if (typeof g.requestIdleCallback === 'function') {
    test('propagation: requestIdleCallback', async () => {
      const seen = flows(3, (id, check) => new Promise((resolve) => requestIdleCallback(() => resolve(check('idle')), { timeout: 50 })));
      allKept(await seen, 3);
    });
  }

  // --- messages and events -----------------------------------------------------

  if (typeof g.MessageChannel === 'function' && browserSemantics) {
    test('propagation: MessageChannel messages run in the frame of postMessage', async () => {
      const { port1, port2 } = new MessageChannel();
      const done = countdown(6);
      const seen = [];
      port2.onmessage = (event) => {
        seen.push({ id: event.data, label: 'onmessage', seen: ctx.get()?.id });
        done.tick();
      };
      port2.addEventListener('message', (event) => {
        seen.push({ id: event.data, label: 'listener', seen: ctx.get()?.id });
        done.tick();
      });
      ctx.run({ id: 1 }, () => port1.postMessage(1));
      ctx.run({ id: 2 }, () => port1.postMessage(2));
      ctx.run({ id: 3 }, () => port1.postMessage(3));
      await done.finished;
      port1.close();
      port2.close();
      allKept(seen, 6);
    });
  }

  if (typeof g.EventTarget === 'function' && browserSemantics) {
    test('propagation: dispatchEvent runs listeners in the dispatcher frame', async () => {
      const target = new EventTarget();
      const seen = [];
      // Registered in flow 9: dispatch-time context wins (docs/architecture.md).
      ctx.run({ id: 9 }, () =>
        target.addEventListener('ping', (e) => seen.push({ id: e.detail || undefined, label: 'listener', seen: ctx.get()?.id })),
      );
      const Ev = g.CustomEvent ?? class extends Event {
        constructor(type, { detail }) {
          super(type);
          this.detail = detail;
        }
      };
      for (const id of [1, 2]) ctx.run({ id }, () => target.dispatchEvent(new Ev('ping', { detail: id })));
      target.dispatchEvent(new Ev('ping', { detail: undefined }));
      allKept(seen, 3);
    });
  }

  if (typeof g.XMLHttpRequest === 'function' && typeof g.location === 'object') {
    test('propagation: XMLHttpRequest events run in the frame of send()', async () => {
      allKept(
        await flows(3, (id, check) =>
          new Promise((resolve, reject) => {
            const xhr = new XMLHttpRequest();
            xhr.open('GET', `${location.href.split('?')[0]}?xhr=${id}`);
            xhr.onreadystatechange = () => xhr.readyState === 4 && check('readystatechange done');
            xhr.addEventListener('load', () => resolve(check('load')));
            xhr.onerror = reject;
            ctx.exit(() => xhr.send());
          }),
        ).then((seen) => seen.map((s) => ({ ...s, id: undefined }))),
      );
    });
    test('propagation: XMLHttpRequest sent in a flow keeps that flow', async () => {
      allKept(
        await flows(3, (id, check) =>
          new Promise((resolve, reject) => {
            const xhr = new XMLHttpRequest();
            xhr.open('GET', `${location.href.split('?')[0]}?xhr=${id}`);
            xhr.addEventListener('load', () => resolve(check('load')));
            xhr.onerror = reject;
            xhr.send();
          }),
        ),
        3,
      );
    });
  }

  if (typeof g.FileReader === 'function' && typeof g.Blob === 'function' && browserSemantics) {
    test('propagation: FileReader events run in the frame of readAs*()', async () => {
      allKept(
        await flows(3, (id, check) =>
          new Promise((resolve) => {
            const reader = new FileReader();
            reader.onloadend = () => resolve(check('loadend'));
            reader.addEventListener('load', () => check('load'));
            reader.readAsText(new Blob([`flow ${id}`]));
          }),
        ),
        6,
      );
    });
  }

  if (typeof g.indexedDB === 'object' && g.indexedDB !== null) {
    test('propagation: IndexedDB requests and transactions', async () => {
      const name = `als-wasm-test-${Math.random()}`;
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const seen = await flows(3, async (id, check) => {
        await new Promise((resolve, reject) => {
          const tx = db.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(`v${id}`, `k${id}`).onsuccess = () => check('put success');
          tx.oncomplete = () => resolve(check('transaction complete'));
          tx.onerror = () => reject(tx.error);
        });
        await new Promise((resolve) => {
          const get = db.transaction('kv').objectStore('kv').get(`k${id}`);
          get.addEventListener('success', () => {
            equal(get.result, `v${id}`);
            resolve(check('get success'));
          });
        });
        await new Promise((resolve) => {
          const cursor = db.transaction('kv').objectStore('kv').openCursor();
          cursor.onsuccess = () => {
            check('cursor step');
            if (cursor.result) cursor.result.continue();
            else resolve();
          };
        });
      });
      db.close();
      indexedDB.deleteDatabase(name);
      allKept(seen, 3 * 3 + 3 * 4);
    });
  }

  if (typeof g.WebSocket === 'function' && typeof g.document === 'object') {
    test('propagation: WebSocket events run in the frame of construction', async () => {
      allKept(
        await flows(2, (id, check) =>
          new Promise((resolve) => {
            // The page's own server refuses the upgrade: error, then close, in
            // every browser (WebKit never settles a socket to a blocked port such as 9).
            const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/no-websocket-here`);
            ws.onerror = () => check('error');
            ws.addEventListener('close', () => resolve(check('close')));
          }),
        ),
        4,
      );
    });
  }

  // --- observers ---------------------------------------------------------------

  if (typeof g.MutationObserver === 'function' && typeof g.document === 'object') {
    test('propagation: MutationObserver callbacks run in the frame of construction', async () => {
      const seen = await flows(3, async (id, check) => {
        const node = document.createElement('div');
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(check('mutation'));
          });
          observer.observe(node, { attributes: true });
          ctx.exit(() => node.setAttribute('data-flow', String(id)));
        });
      });
      allKept(seen, 3);
    });
  }

  for (const name of ['ResizeObserver', 'IntersectionObserver']) {
    if (typeof g[name] === 'function' && typeof g.document === 'object') {
      test(`propagation: ${name} callbacks run in the frame of construction`, async () => {
        const seen = await flows(2, async (id, check) => {
          const node = document.createElement('div');
          node.style.width = `${id * 10}px`;
          node.style.height = '10px';
          document.body.append(node);
          await new Promise((resolve) => {
            const observer = new g[name](() => {
              observer.disconnect();
              resolve(check(name));
            });
            ctx.exit(() => observer.observe(node));
          });
          node.remove();
        });
        allKept(seen, 2);
      });
    }
  }

  if (typeof g.PerformanceObserver === 'function' && typeof g.performance?.mark === 'function' && browserSemantics) {
    test('propagation: PerformanceObserver callbacks run in the frame of construction', async () => {
      const seen = await flows(2, (id, check) =>
        new Promise((resolve) => {
          const observer = new PerformanceObserver((list) => {
            if (!list.getEntries().some((e) => e.name === `als-mark-${id}`)) return;
            observer.disconnect();
            resolve(check('performance entry'));
          });
          observer.observe({ entryTypes: ['mark'] });
          ctx.exit(() => setTimeout(() => performance.mark(`als-mark-${id}`), 1));
        }),
      );
      allKept(seen, 2);
    });
  }
}
