// Bad input: error classes, codes and messages. Where real Node throws a
// plain TypeError without a code, als-wasm intentionally adds
// ERR_INVALID_ARG_TYPE; against Node those cases only assert the class.
import { test, equal, throws } from '../support/harness.mjs';
import { AsyncLocalStorage, AsyncResource, isNode } from '../support/subject.mjs';

const A = AsyncLocalStorage;
const R = AsyncResource;
const arg = (name, type, received) => `The "${name}" argument must be of type ${type}. Received ${received}`;
function foo() {}

// [label, thunk, class, code, message, nodeHasCode]
const cases = [
  ['ctor(null)', () => new A(null), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('options', 'object', 'null'), true],
  ['ctor(5)', () => new A(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('options', 'object', 'type number (5)'), true],
  ['ctor([])', () => new A([]), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('options', 'object', 'an instance of Array'), true],
  ['ctor(foo)', () => new A(foo), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('options', 'object', 'function foo'), true],
  ["ctor('abc')", () => new A('abc'), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('options', 'object', "type string ('abc')"), true],
  ['ctor(true)', () => new A(true), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('options', 'object', 'type boolean (true)'), true],
  ['bind(5)', () => A.bind(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'type number (5)'), true],
  ['bind({})', () => A.bind({}), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'an instance of Object'), true],
  ["bind('abc')", () => A.bind('abc'), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', "type string ('abc')"), true],
  ['bind(null)', () => A.bind(null), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'null'), false],
  ['bind()', () => A.bind(), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'undefined'), false],
  ['run(1, 5)', () => new A().run(1, 5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('callback', 'function', 'type number (5)'), false],
  ['run(1)', () => new A().run(1), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('callback', 'function', 'undefined'), false],
  ['run(1, null)', () => new A().run(1, null), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('callback', 'function', 'null'), false],
  ['run(1, {}, 2)', () => new A().run(1, {}, 2), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('callback', 'function', 'an instance of Object'), false],
  ['exit(5)', () => new A().exit(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('callback', 'function', 'type number (5)'), false],
  ['exit({})', () => new A().exit({}), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('callback', 'function', 'an instance of Object'), false],
  ["exit('abc', 1)", () => new A().exit('abc', 1), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('callback', 'function', "type string ('abc')"), false],
  ['snapshot()(5)', () => A.snapshot()(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'type number (5)'), false],
  ['snapshot()()', () => A.snapshot()(), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'undefined'), false],
  ['new R(5)', () => new R(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('type', 'string', 'type number (5)'), true],
  ['new R()', () => new R(), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('type', 'string', 'undefined'), true],
  ['new R(null)', () => new R(null), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('type', 'string', 'null'), true],
  ['new R({})', () => new R({}), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('type', 'string', 'an instance of Object'), true],
  ['new R(foo)', () => new R(foo), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('type', 'string', 'function foo'), true],
  ["new R('x', -5)", () => new R('x', -5), 'RangeError', 'ERR_INVALID_ASYNC_ID', 'Invalid triggerAsyncId value: -5', true],
  ["new R('x', 1.5)", () => new R('x', 1.5), 'RangeError', 'ERR_INVALID_ASYNC_ID', 'Invalid triggerAsyncId value: 1.5', true],
  ["new R('x', {triggerAsyncId:'a'})", () => new R('x', { triggerAsyncId: 'a' }), 'RangeError', 'ERR_INVALID_ASYNC_ID', 'Invalid triggerAsyncId value: a', true],
  ["new R('x', {triggerAsyncId:-5})", () => new R('x', { triggerAsyncId: -5 }), 'RangeError', 'ERR_INVALID_ASYNC_ID', 'Invalid triggerAsyncId value: -5', true],
  ['runInAsyncScope(5)', () => new R('x').runInAsyncScope(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'type number (5)'), false],
  ["runInAsyncScope('abc')", () => new R('x').runInAsyncScope('abc'), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', "type string ('abc')"), false],
  ['resource.bind(5)', () => new R('x').bind(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'type number (5)'), true],
  ['resource.bind(null)', () => new R('x').bind(null), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'null'), true],
  ['AsyncResource.bind(5)', () => R.bind(5), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'type number (5)'), true],
  ['AsyncResource.bind({})', () => R.bind({}), 'TypeError', 'ERR_INVALID_ARG_TYPE', arg('fn', 'function', 'an instance of Object'), true],
];

for (const [label, thunk, name, code, message, nodeHasCode] of cases) {
  test(`errors: ${label}`, () => {
    const e = throws(thunk, isNode && !nodeHasCode ? { name } : { name, code, message }, label);
    equal(e instanceof (name === 'TypeError' ? TypeError : RangeError), true, 'instanceof');
  });
}

test('errors: a failed run/exit leaves the context unchanged', () => {
  const als = new A();
  throws(() => als.run(1, 5), { name: 'TypeError' });
  equal(als.getStore(), undefined);
  als.run('s', () => {
    throws(() => als.run(1, null), { name: 'TypeError' });
    equal(als.getStore(), 's');
    throws(() => als.exit(5), { name: 'TypeError' });
    equal(als.getStore(), 's');
  });
  equal(als.getStore(), undefined);
});

test('errors: a failed snapshot call leaves the context unchanged', () => {
  const als = new A();
  const snap = als.run('snap', () => A.snapshot());
  als.run('s', () => {
    throws(() => snap(5), { name: 'TypeError' });
    equal(als.getStore(), 's');
  });
  equal(als.getStore(), undefined);
});

test('errors: valid triggerAsyncId forms are accepted', () => {
  new R('x', 0);
  new R('x', 1);
  new R('x', { triggerAsyncId: 1 });
  new R('x', { triggerAsyncId: undefined });
  new R('x', {});
  new R('x', undefined);
  new R('x', { requireManualDestroy: true });
});
