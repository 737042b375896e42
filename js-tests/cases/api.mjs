// Core AsyncLocalStorage semantics (synchronous), as in Node 24.
import { test, equal, deepEqual, ok, throws } from '../support/harness.mjs';
import { AsyncLocalStorage, engine, entry } from '../support/subject.mjs';

test('api: getStore is undefined outside any scope', () => {
  const als = new AsyncLocalStorage();
  equal(als.getStore(), undefined);
});

test('api: run sets the store and restores it on return', () => {
  const als = new AsyncLocalStorage();
  const store = { id: 1 };
  const r = als.run(store, () => {
    equal(als.getStore(), store);
    return 'ret';
  });
  equal(r, 'ret');
  equal(als.getStore(), undefined);
});

test('api: run passes extra args and this === null', () => {
  const als = new AsyncLocalStorage();
  let seenThis = 'unset';
  const r = als.run(7, function (a, b, c) {
    seenThis = this;
    return [a, b, c, arguments.length];
  }, 1, 'two', undefined);
  deepEqual(r, [1, 'two', undefined, 3]);
  equal(seenThis, null);
  equal(als.getStore(), undefined);
});

test('api: run restores on throw and rethrows the same error', () => {
  const als = new AsyncLocalStorage();
  const err = new Error('boom');
  let caught;
  try {
    als.run({ id: 2 }, () => {
      throw err;
    });
  } catch (e) {
    caught = e;
    equal(als.getStore(), undefined);
  }
  equal(caught, err);
  equal(als.getStore(), undefined);
});

test('api: run restores after throwing a non-Error value', () => {
  const als = new AsyncLocalStorage();
  let caught;
  try {
    als.run(1, () => {
      throw 42;
    });
  } catch (e) {
    caught = e;
  }
  equal(caught, 42);
  equal(als.getStore(), undefined);
});

test('api: nested run restores each level', () => {
  const als = new AsyncLocalStorage();
  als.run('outer', () => {
    equal(als.getStore(), 'outer');
    als.run('inner', () => {
      equal(als.getStore(), 'inner');
      als.run('innermost', () => equal(als.getStore(), 'innermost'));
      equal(als.getStore(), 'inner');
    });
    equal(als.getStore(), 'outer');
  });
  equal(als.getStore(), undefined);
});

test('api: storages are independent', () => {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  a.run('A', () => {
    equal(b.getStore(), undefined);
    b.run('B', () => {
      equal(a.getStore(), 'A');
      equal(b.getStore(), 'B');
    });
    equal(b.getStore(), undefined);
    equal(a.getStore(), 'A');
  });
  equal(a.getStore(), undefined);
  equal(b.getStore(), undefined);
});

test('api: many storages at once', () => {
  const list = Array.from({ length: 50 }, () => new AsyncLocalStorage());
  const nest = (i) => {
    if (i === list.length) {
      list.forEach((s, j) => equal(s.getStore(), j));
      return;
    }
    list[i].run(i, () => nest(i + 1));
  };
  nest(0);
  list.forEach((s) => equal(s.getStore(), undefined));
});

test('api: any value can be a store (identity preserved)', () => {
  const als = new AsyncLocalStorage();
  const sym = Symbol('s');
  const fn = () => {};
  const values = [0, -0, 1.5, NaN, '', 'str', true, false, null, sym, 10n, fn, [], {}, new Map(), als];
  for (const v of values) {
    als.run(v, () => equal(als.getStore(), v));
  }
  equal(als.getStore(), undefined);
});

test('api: run(undefined) gives undefined', () => {
  const als = new AsyncLocalStorage();
  als.run(1, () => {
    als.run(undefined, () => equal(als.getStore(), undefined));
    equal(als.getStore(), 1);
  });
});

test('api: exit hides the store, passes args, this === null, restores', () => {
  const als = new AsyncLocalStorage();
  als.run('s', () => {
    let seenThis = 'unset';
    const r = als.exit(function (a, b) {
      seenThis = this;
      equal(als.getStore(), undefined);
      return a + b;
    }, 2, 3);
    equal(r, 5);
    equal(seenThis, null);
    equal(als.getStore(), 's');
  });
  equal(als.getStore(), undefined);
});

test('api: exit only affects its own storage', () => {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  a.run(1, () => b.run(2, () => {
    a.exit(() => {
      equal(a.getStore(), undefined);
      equal(b.getStore(), 2);
    });
  }));
});

test('api: exit restores on throw', () => {
  const als = new AsyncLocalStorage();
  als.run('s', () => {
    throws(() => als.exit(() => { throw new Error('x'); }), { message: 'x' });
    equal(als.getStore(), 's');
  });
});

test('api: enterWith persists for the rest of the sync code', () => {
  const als = new AsyncLocalStorage();
  const store = { id: 3 };
  const f = () => {
    als.enterWith(store);
    equal(als.getStore(), store);
  };
  als.run('wrap', () => {
    f();
    equal(als.getStore(), store, 'after the function that called enterWith');
  });
  equal(als.getStore(), undefined);
});

test('api: enterWith inside run is undone when run returns', () => {
  const als = new AsyncLocalStorage();
  als.run('outer', () => {
    als.run('inner', () => {
      als.enterWith('entered');
      equal(als.getStore(), 'entered');
    });
    equal(als.getStore(), 'outer');
  });
  equal(als.getStore(), undefined);
});

test('api: enterWith inside run is undone when run throws', () => {
  const als = new AsyncLocalStorage();
  als.run('outer', () => {
    try {
      als.run('inner', () => {
        als.enterWith('entered');
        throw new Error('x');
      });
    } catch {}
    equal(als.getStore(), 'outer');
  });
});

test('api: enterWith does not touch other storages', () => {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  a.run(1, () => b.run(2, () => {
    a.enterWith(10);
    equal(a.getStore(), 10);
    equal(b.getStore(), 2);
  }));
});

test('api: enterWith twice replaces', () => {
  const als = new AsyncLocalStorage();
  als.run(0, () => {
    als.enterWith(1);
    als.enterWith(2);
    equal(als.getStore(), 2);
  });
  equal(als.getStore(), undefined);
});

test('api: defaultValue is returned when no store is set', () => {
  const als = new AsyncLocalStorage({ defaultValue: 'dflt' });
  equal(als.getStore(), 'dflt');
  als.run('x', () => equal(als.getStore(), 'x'));
  equal(als.getStore(), 'dflt');
});

test('api: defaultValue object identity', () => {
  const d = { d: 1 };
  const als = new AsyncLocalStorage({ defaultValue: d });
  equal(als.getStore(), d);
});

test('api: exit and run(undefined) give undefined even with a defaultValue', () => {
  const als = new AsyncLocalStorage({ defaultValue: 'dflt' });
  als.exit(() => equal(als.getStore(), undefined));
  als.run(undefined, () => equal(als.getStore(), undefined));
  als.run('x', () => als.exit(() => equal(als.getStore(), undefined)));
  equal(als.getStore(), 'dflt');
});

test('api: name getter', () => {
  equal(new AsyncLocalStorage().name, '');
  equal(new AsyncLocalStorage({}).name, '');
  equal(new AsyncLocalStorage({ name: 'req' }).name, 'req');
  equal(new AsyncLocalStorage({ name: 42 }).name, '42');
  equal(new AsyncLocalStorage({ name: { toString: () => 'obj' } }).name, 'obj');
});

test('api: options object accepted forms', () => {
  new AsyncLocalStorage(undefined);
  new AsyncLocalStorage({});
  new AsyncLocalStorage({ defaultValue: undefined });
  equal(new AsyncLocalStorage({ defaultValue: null }).getStore(), null);
  equal(new AsyncLocalStorage({ defaultValue: 0 }).getStore(), 0);
});

test('api: disable then getStore gives undefined, run works again', () => {
  const als = new AsyncLocalStorage();
  als.run('s', () => {
    als.disable();
    equal(als.getStore(), undefined);
    als.run('t', () => equal(als.getStore(), 't'));
    equal(als.getStore(), undefined);
  });
  equal(als.getStore(), undefined);
});

test('api: disable gives defaultValue', () => {
  const als = new AsyncLocalStorage({ defaultValue: 'd' });
  als.run('s', () => {
    als.disable();
    equal(als.getStore(), 'd');
  });
  equal(als.getStore(), 'd');
});

test('api: disable only affects the current frame; outer run keeps its value', () => {
  const b = new AsyncLocalStorage();
  const r = b.run(1, () => {
    b.run(2, () => b.disable());
    return b.getStore();
  });
  equal(r, 1);
  equal(b.getStore(), undefined);
});

test('api: disable does not touch other storages', () => {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  a.run(1, () => b.run(2, () => {
    a.disable();
    equal(a.getStore(), undefined);
    equal(b.getStore(), 2);
  }));
});

test('api: disable outside any scope and twice is harmless', () => {
  const als = new AsyncLocalStorage();
  equal(als.disable(), undefined);
  als.disable();
  equal(als.getStore(), undefined);
  als.run(5, () => equal(als.getStore(), 5));
});

test('api: enterWith after disable', () => {
  const als = new AsyncLocalStorage();
  als.run('s', () => {
    als.disable();
    als.enterWith('e');
    equal(als.getStore(), 'e');
  });
  equal(als.getStore(), undefined);
});

test('api: return values of methods', () => {
  const als = new AsyncLocalStorage();
  als.run(0, () => {
    equal(als.enterWith(1), undefined);
  });
  const o = {};
  equal(als.run(1, () => o), o);
  equal(als.exit(() => o), o);
});

// Node 24 (and 20): run(store) when getStore() is already Object.is-equal to
// store just calls the callback without a new scope, so an enterWith inside
// is not undone when run returns.
test('api: run with the current value opens no scope (enterWith leaks out, as in Node)', () => {
  const als = new AsyncLocalStorage();
  const r = als.run(1, () => {
    als.run(1, () => als.enterWith(2));
    return als.getStore();
  });
  equal(r, 2);
  equal(als.getStore(), undefined);
});

test('api: run(undefined) outside any scope opens no scope (as in Node)', () => {
  const als = new AsyncLocalStorage();
  als.run('wrap', () => {
    als.exit(() => {
      als.run(undefined, () => als.enterWith(3));
      equal(als.getStore(), 3);
    });
    equal(als.getStore(), 'wrap');
  });
  equal(als.getStore(), undefined);
});

test('api: run with the defaultValue as store opens no scope (as in Node)', () => {
  const als = new AsyncLocalStorage({ defaultValue: 'd' });
  als.run('wrap', () => {
    als.disable();
    als.run('d', () => als.enterWith('e'));
    equal(als.getStore(), 'e');
  });
  equal(als.getStore(), 'd');
});

test('api: stack overflow inside run leaves the context intact', () => {
  const als = new AsyncLocalStorage();
  const rec = (n) => als.run(n, () => rec(n + 1));
  let err;
  als.run('outer', () => {
    try {
      rec(0);
    } catch (e) {
      err = e;
    }
    equal(als.getStore(), 'outer');
  });
  // SpiderMonkey throws InternalError ("too much recursion") instead.
  ok(err instanceof RangeError || err?.name === 'InternalError', `RangeError expected, got ${err}`);
  equal(als.getStore(), undefined);
  equal(als.run('again', () => als.getStore()), 'again');
});

// Node 24 manages ~2500 nested runs on its default stack.
test('api: 1000 nested runs', () => {
  const als = new AsyncLocalStorage();
  const depth = 1000;
  const rec = (n) => (n === 0 ? als.getStore() : als.run(n, () => {
    const inner = rec(n - 1);
    equal(als.getStore(), n);
    return inner;
  }));
  equal(rec(depth), 1);
  equal(als.getStore(), undefined);
});

test('api: instances and prototype', () => {
  const als = new AsyncLocalStorage();
  ok(als instanceof AsyncLocalStorage);
  for (const m of ['run', 'exit', 'enterWith', 'getStore', 'disable']) {
    equal(typeof als[m], 'function', m);
  }
  equal(typeof AsyncLocalStorage.bind, 'function');
  equal(typeof AsyncLocalStorage.snapshot, 'function');
});

test('api: subclassing works', () => {
  class Sub extends AsyncLocalStorage {
    get2() {
      return this.getStore() * 2;
    }
  }
  const s = new Sub();
  equal(s.run(21, () => s.get2()), 42);
  equal(s.getStore(), undefined);
});

test('api: callback that re-enters the same storage from exit', () => {
  const als = new AsyncLocalStorage();
  als.run(1, () => {
    als.exit(() => {
      als.run(2, () => equal(als.getStore(), 2));
      equal(als.getStore(), undefined);
    });
    equal(als.getStore(), 1);
  });
});

// Node 24 (and 20): run()/exit() restore only their own storage when they
// return (finally { this.enterWith(prior) } in a frame derived from the
// current one), so enterWith/disable/withScope on *another* storage inside
// the callback survive the call.
test('api: enterWith on another storage inside run survives the run (as in Node)', () => {
  const a = new AsyncLocalStorage();
  const c = new AsyncLocalStorage();
  const g = new AsyncLocalStorage();
  g.run('g', () => {
    a.run('A', () => c.enterWith('C'));
    equal(a.getStore(), undefined);
    equal(c.getStore(), 'C');
  });
});

test('api: enterWith on another storage inside exit survives the exit (as in Node)', () => {
  const a = new AsyncLocalStorage();
  const c = new AsyncLocalStorage();
  const g = new AsyncLocalStorage();
  g.run('g', () => {
    a.run('A', () => {
      a.exit(() => c.enterWith('E'));
      equal(a.getStore(), 'A');
      equal(c.getStore(), 'E');
    });
  });
});

test('api: disable of another storage inside run survives the run (as in Node)', () => {
  const a = new AsyncLocalStorage();
  const c = new AsyncLocalStorage();
  c.run('c1', () => {
    a.run('A', () => c.disable());
    equal(c.getStore(), undefined);
  });
});

// Node 24 answers a TypeError here (its private fields); a wasm error would
// be no help ("null pointer passed to rust").
test('api: getStore and run called on something that is not a storage throw a TypeError', () => {
  const { getStore, run } = AsyncLocalStorage.prototype;
  for (const self of [{}, undefined, 5]) {
    throws(() => getStore.call(self), { name: 'TypeError' }, `getStore on ${String(self)}`);
    throws(() => run.call(self, 1, () => 1), { name: 'TypeError' }, `run on ${String(self)}`);
  }
});

// Node 24's run() leaves a new frame behind, and disable() edits the current
// frame in place: a snapshot taken before a run keeps its stores.
test('api: a disable() after a nested run does not reach a snapshot taken before the run', () => {
  const a = new AsyncLocalStorage();
  const b = new AsyncLocalStorage();
  a.run(1, () => {
    const snap = AsyncLocalStorage.snapshot();
    b.run(2, () => {});
    a.disable();
    equal(a.getStore(), undefined);
    equal(snap(() => a.getStore()), 1);
  });
});

// als-wasm/csp runs the same Rust compiled to JavaScript; every other entry
// compiles the wasm (ALS_ENTRY=csp in impl.mjs).
test('api: engine names the engine that runs the Rust: js after als-wasm/csp, else wasm', () => {
  if (engine === null) return; // the host's own AsyncLocalStorage
  equal(engine, entry === 'csp' ? 'js' : 'wasm');
});

// Rust objects pile up in the wasm's memory until it grows. The glue's views
// of that memory must follow the grown buffer: wasm2js's memory (the csp
// engine) grows into a new ArrayBuffer and leaves the old one readable, so a
// stale view read another object's pointer, or a stale error flag.
test('api: storages made after the wasm memory grew keep their own name and Node\'s errors', () => {
  const kept = Array.from({ length: 100_000 }, (_, i) => new AsyncLocalStorage({ name: `s${i}` }));
  equal(kept[99_999].name, 's99999');
  for (let i = 0; i < 5; i++) equal(new AsyncLocalStorage({ name: `after${i}` }).name, `after${i}`);
  throws(() => new AsyncLocalStorage(5), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
});
