// The contexts the propagation matrix (cases/propagation.mjs) runs over: one
// adapter per API, so every row runs over AsyncLocalStorage and over TC39's
// AsyncContext.Variable without a copy of the matrix. An adapter:
//   name           what the test names say ('' for AsyncLocalStorage, whose
//                  rows keep the names the known-failure lists use)
//   get()          the current store (getStore() / variable.get())
//   run(value, fn) fn in a context where the store is value
//   exit(fn)       fn with no store (exit() / run(undefined, fn))
//   bind(fn)       fn bound to the context now (AsyncLocalStorage.bind /
//                  AsyncContext.Snapshot.wrap)
//   snapshot()     a runner for the context now (AsyncLocalStorage.snapshot()
//                  / new AsyncContext.Snapshot() and its run)
//   another()      a fresh, independent adapter of the same kind
//   flows, ...     flows.mjs's concurrent flows, over this context
// AsyncLocalStorage's enterWith has no Variable counterpart: rows that need
// it are skipped for Variable (by name, where they are registered).
import { AsyncContext, AsyncLocalStorage } from './subject.mjs';
import { storage } from './flows.mjs';

function alsContext(als) {
  return {
    name: '',
    get: () => als.getStore(),
    run: (value, fn) => als.run(value, fn),
    exit: (fn) => als.exit(fn),
    bind: (fn) => AsyncLocalStorage.bind(fn),
    snapshot: () => {
      const snapshot = AsyncLocalStorage.snapshot();
      return (fn) => snapshot(fn);
    },
    another: () => withFlows(alsContext(new AsyncLocalStorage())),
  };
}

function variableContext(variable) {
  const { Snapshot, Variable } = AsyncContext;
  return {
    name: ' (over AsyncContext.Variable)',
    get: () => variable.get(),
    run: (value, fn) => variable.run(value, fn),
    exit: (fn) => variable.run(undefined, fn),
    bind: (fn) => Snapshot.wrap(fn),
    snapshot: () => {
      const snapshot = new Snapshot();
      return (fn) => snapshot.run(fn);
    },
    another: () => withFlows(variableContext(new Variable())),
  };
}

// flows(count, body), as flows.mjs's: body(id, check) runs in `count`
// concurrent flows, each in run({ id }); check(label) records what get()
// answers. Resolves to the list of { id, label, seen }.
function withFlows(ctx) {
  ctx.flows = async (count, body) => {
    const seen = [];
    const check = (id, label) => seen.push({ id, label, seen: ctx.get()?.id });
    await Promise.all(Array.from({ length: count }, (_, i) => ctx.run({ id: i + 1 }, () => body(i + 1, (label) => check(i + 1, label)))));
    return seen;
  };
  return ctx;
}

// AsyncLocalStorage over flows.mjs's storage (the one the matrix always
// used), then a Variable where the implementation has AsyncContext (not the
// host's own: no host ships it).
export const flowContexts = [withFlows(alsContext(storage))];
if (AsyncContext) flowContexts.push(withFlows(variableContext(new AsyncContext.Variable())));
