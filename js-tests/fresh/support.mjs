// What the fresh-realm cases share: host-dispatched events (each its own
// task, delivered to a listener the carrier does not wrap), and a realm that
// survives uncaught errors.
const g = globalThis;

// Fires `count` events from the host, one task each, in order, and calls
// handler(i) for each as a plain listener would; resolves to what the
// handlers answered (awaited). Browsers: messages to the window; elsewhere:
// AbortSignal.timeout's abort events, `apart` ms from one another.
export function hostEvents(count, handler, { apart = 1 } = {}) {
  const results = [];
  let done;
  const all = new Promise((resolve) => (done = resolve));
  let settled = 0;
  // A handler may throw: the error goes on to the host, as a listener's does.
  const deliver = (i) => {
    let answer;
    try {
      answer = handler(i);
    } finally {
      results[i] = Promise.resolve(answer).finally(() => {
        if (++settled === count) done();
      });
    }
  };
  if (typeof g.window === 'object' && typeof g.postMessage === 'function') {
    const tag = `fresh-${Math.random()}`;
    let next = 0;
    g.addEventListener('message', function listener(event) {
      if (event.data !== tag) return;
      deliver(next++);
      if (next === count) g.removeEventListener('message', listener);
    });
    for (let i = 0; i < count; i++) g.postMessage(tag, '*');
  } else {
    for (let i = 0; i < count; i++) fromHost(apart * i, () => deliver(i));
  }
  return all.then(() => Promise.all(results));
}

// Calls fn from AbortSignal.timeout's abort event, `delay` ms from now: a
// host event, in a listener the carrier does not wrap. (Node's does not keep
// the process alive by itself: a timer does meanwhile.)
function fromHost(delay, fn) {
  const alive = setTimeout(() => {}, 60_000);
  AbortSignal.timeout(delay + 1).addEventListener('abort', () => {
    clearTimeout(alive);
    fn();
  });
}

// Uncaught errors thrown on purpose (callers tag them) are reported and
// swallowed, so the realm goes on.
export function swallowErrors(tag) {
  const seen = [];
  const mine = (error) => error?.message === tag;
  if (typeof g.process?.on === 'function' && !g.Deno) {
    g.process.on('uncaughtException', (error) => {
      if (!mine(error)) throw error;
      seen.push(error);
    });
  } else {
    g.addEventListener('error', (event) => {
      if (!mine(event.error)) return;
      seen.push(event.error);
      event.preventDefault();
    });
  }
  return seen;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The ways a flow starts from the root, and rootTask(kind, delay, body):
// resolves to what body() answers, run from a task of that kind.
export const ROOT_TASKS = ['timer', 'microtask', 'then', 'host event'];

// Starts each stress flow (stress-flows.mjs) in a root task of a random kind
// and a random delay; begin(ctx) enters the flow's store there and runs it.
// A first read in the root task that sees a store is a leak.
export function flowsFromRootTasks(random, storage, ctxs, begin) {
  return Promise.all(
    ctxs.map((ctx) => {
      const kind = ROOT_TASKS[Math.floor(random() * ROOT_TASKS.length)];
      return rootTask(kind, Math.floor(random() * 3), () => {
        const first = storage.getStore();
        if (first !== undefined) {
          ctx.stats.leaked++;
          ctx.stats.leaks.push(`flow ${ctx.id} began with flow ${first.id}'s store`);
        }
        return begin(ctx);
      });
    }),
  );
}
export function rootTask(kind, delay, body) {
  return new Promise((resolve) => {
    const go = () => resolve(body());
    if (kind === 'timer') setTimeout(go, delay);
    else if (kind === 'microtask') queueMicrotask(go);
    else if (kind === 'then') Promise.resolve().then(go);
    else fromHost(delay, go);
  });
}
