// Wrong-input fuzz: every public entry point with wrong types and arities.
// Each call must succeed or throw a JS error, never a WebAssembly trap; against
// als-wasm an argument TypeError must carry code ERR_INVALID_ARG_TYPE; the
// context must be intact after every call and the module usable afterwards.
import { test, equal, ok } from '../support/harness.mjs';
import { AsyncLocalStorage as A, AsyncResource as R, isNode } from '../support/subject.mjs';

const fnValue = function named(a, b) { return [a, b]; };
const values = () => [
  0, 1, -1, 1.5, -0, NaN, Infinity, 2 ** 53, '', 'abc', '1', true, false, null, undefined,
  {}, [], [1, 2], { triggerAsyncId: -1 }, { defaultValue: 1, name: 'n' }, Object.create(null),
  new Proxy({}, {}), Symbol('s'), 10n, -1n, fnValue, () => {}, class K {}, new Date(0), /re/, new Map(),
].map((v) => (typeof v === 'function' && v.name === 'K' ? KClass : v));
const show = (v) => {
  try {
    if (typeof v === 'symbol' || typeof v === 'bigint') return `${typeof v}:${String(v)}`;
    if (typeof v === 'function') return `fn:${v.name}`;
    return `${typeof v}:${JSON.stringify(v) ?? String(v)}`;
  } catch {
    return typeof v;
  }
};

const Trap = globalThis.WebAssembly?.RuntimeError;

function isTrap(e) {
  return (Trap && e instanceof Trap) || /unreachable|RuntimeError|recursive use|already borrowed|memory access out of bounds/i.test(String(e?.message ?? e));
}

// Values whose own use raises a TypeError, as in Node: a class passed as a
// callback and called, or an object without toString used as a name. Calls
// with these may throw an engine TypeError without a code.
const KClass = class K {};
const userish = (v) => v === KClass || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null);

// kind 'arg': wrong argument (TypeError must carry a code against als-wasm);
// kind 'this': wrong receiver / wrong construction (any JS error is fine).
function check(label, kind, thunk, problems, v) {
  const probe = check.probe;
  probe.run('P', () => {
    try {
      const r = thunk();
      if (typeof r === 'function') {
        // returned functions (bind/snapshot results) get wrong args too
        for (const v of values().slice(0, 8)) {
          try {
            r(v, v);
          } catch (e) {
            if (isTrap(e)) problems.push(`${label} -> returned fn(${show(v)}): trap ${e}`);
          }
        }
      }
    } catch (e) {
      if (!(e instanceof Error)) problems.push(`${label}: threw a non-Error ${String(e)}`);
      else if (isTrap(e)) problems.push(`${label}: trap ${e.name}: ${e.message}`);
      else if (!isNode && kind === 'arg' && e instanceof TypeError && e.code !== 'ERR_INVALID_ARG_TYPE' && !userish(v)) {
        problems.push(`${label}: TypeError without ERR_INVALID_ARG_TYPE: ${e.message}`);
      }
    }
    if (probe.getStore() !== 'P') problems.push(`${label}: context corrupted (probe = ${show(probe.getStore())})`);
  });
  if (probe.getStore() !== undefined) problems.push(`${label}: context leaked after the call`);
}

function fuzzCalls() {
  const calls = [];
  let cur;
  const add = (label, kind, thunk) => calls.push([label, kind, thunk, cur]);
  for (const v of values()) {
    cur = v;
    const s = show(v);
    add(`new A(${s})`, 'arg', () => new A(v));
    add(`new A(${s}, ${s})`, 'arg', () => new A(v, v));
    add(`new A({defaultValue: ${s}})`, 'arg', () => new A({ defaultValue: v }).getStore());
    if (typeof v !== 'symbol') add(`new A({name: ${s}})`, 'arg', () => new A({ name: v }).name);
    add(`A.bind(${s})`, 'arg', () => A.bind(v));
    add(`A.bind(fn, ${s})`, 'arg', () => A.bind(fnValue, v));
    add(`A.snapshot(${s})`, 'arg', () => A.snapshot(v));
    add(`A.snapshot()(${s}, ${s})`, 'arg', () => A.snapshot()(v, v));
    add(`run(${s})`, 'arg', () => new A().run(v));
    add(`run(${s}, ${s})`, 'arg', () => new A().run(v, v));
    add(`run(${s}, fn, ${s}, ${s})`, 'arg', () => new A().run(v, fnValue, v, v));
    add(`run(1, ${s}, ${s})`, 'arg', () => new A().run(1, v, v));
    add(`exit(${s})`, 'arg', () => new A().exit(v));
    add(`exit(${s}, ${s})`, 'arg', () => new A().exit(v, v));
    add(`exit(fn, ${s})`, 'arg', () => new A().exit(fnValue, v));
    add(`enterWith(${s}, ${s})`, 'arg', () => new A().enterWith(v, v));
    add(`getStore(${s})`, 'arg', () => new A().getStore(v));
    add(`disable(${s})`, 'arg', () => new A().disable(v));
    add(`withScope(${s}).dispose(${s})`, 'arg', () => {
      const sc = new A().withScope(v, v);
      sc.dispose(v);
      sc.dispose(v);
    });
    add(`new R(${s})`, 'arg', () => new R(v));
    add(`new R('t', ${s})`, 'arg', () => new R('t', v));
    add(`new R(${s}, ${s})`, 'arg', () => new R(v, v));
    add(`new R('t', {triggerAsyncId: ${s}})`, 'arg', () => new R('t', { triggerAsyncId: v }));
    add(`new R('t', {requireManualDestroy: ${s}})`, 'arg', () => new R('t', { requireManualDestroy: v }));
    add(`runInAsyncScope(${s}, ${s}, ${s})`, 'arg', () => new R('t').runInAsyncScope(v, v, v));
    add(`runInAsyncScope(fn, ${s}, ${s})`, 'arg', () => new R('t').runInAsyncScope(fnValue, v, v));
    add(`r.bind(${s}, ${s})`, 'arg', () => new R('t').bind(v, v));
    add(`r.bind(fn, ${s})`, 'arg', () => new R('t').bind(fnValue, v));
    add(`R.bind(${s}, ${s}, ${s})`, 'arg', () => R.bind(v, v, v));
    if (typeof v === 'string' || v === undefined || v === null || v === 0 || v === '') {
      add(`R.bind(fn, ${s}, ${s})`, 'arg', () => R.bind(fnValue, v, v));
    } else {
      add(`R.bind(fn, ${s}, ${s})`, 'arg', () => R.bind(fnValue, v, v));
    }
    add(`emitDestroy(${s})`, 'arg', () => new R('t').emitDestroy(v));
    add(`asyncId(${s})`, 'arg', () => new R('t').asyncId(v));
    add(`triggerAsyncId(${s})`, 'arg', () => new R('t').triggerAsyncId(v));
    // wrong receivers
    for (const m of ['run', 'exit', 'enterWith', 'getStore', 'disable', 'withScope']) {
      add(`A.prototype.${m}.call(${s})`, 'this', () => A.prototype[m].call(v, 1, fnValue));
    }
    add(`name getter on ${s}`, 'this', () => Object.getOwnPropertyDescriptor(A.prototype, 'name')?.get?.call(v));
    // (real Node aborts the process on a foreign receiver for runInAsyncScope)
    for (const m of isNode ? [] : ['runInAsyncScope', 'bind', 'emitDestroy', 'asyncId', 'triggerAsyncId']) {
      add(`R.prototype.${m}.call(${s})`, 'this', () => R.prototype[m].call(v, fnValue));
    }
    add(`A.bind.call(${s}, fn)`, 'this', () => A.bind.call(v, fnValue)());
    add(`A.snapshot.call(${s})`, 'this', () => A.snapshot.call(v)(fnValue));
  }
  add('A() without new', 'this', () => A());
  add('R("t") without new', 'this', () => R('t'));
  add('A with 10 args', 'arg', () => new A({}, 1, 2, 3, 4, 5, 6, 7, 8, 9));
  add('run with 100 args', 'arg', () => new A().run(1, (...a) => a.length, ...Array(100).fill(0)));
  add('options with a throwing getter', 'this', () => new A({ get defaultValue() { throw new Error('getter'); } }));
  add('options with a throwing name toString', 'this', () => new A({ name: { toString() { throw new Error('ts'); } } }));
  add('withScope dispose with a foreign this', 'this', () => {
    const sc = new A().withScope(1);
    Object.getPrototypeOf(sc).dispose.call({});
  });
  return calls;
}

test('fuzz: wrong inputs never trap and keep the context intact', () => {
  check.probe = new A();
  const problems = [];
  const calls = fuzzCalls();
  for (const [label, kind, thunk, v] of calls) check(label, kind, thunk, problems, v);
  ok(calls.length > 1000, `ran ${calls.length} calls`);
  if (problems.length) throw new Error(`${problems.length} problems:\n${problems.slice(0, 40).join('\n')}`);
});

test('fuzz: module still works afterwards', () => {
  const als = new A({ defaultValue: 'd' });
  equal(als.getStore(), 'd');
  equal(als.run({ k: 1 }, () => als.getStore().k), 1);
  equal(als.getStore(), 'd');
  const r = als.run('r', () => new R('after'));
  equal(r.runInAsyncScope(() => als.getStore()), 'r');
  const snap = als.run('s', () => A.snapshot());
  equal(snap(() => als.getStore()), 's');
  equal(new A().getStore(), undefined);
});
