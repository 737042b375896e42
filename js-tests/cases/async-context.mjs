// TC39 AsyncContext (als-wasm/async-context), tested anew against:
// - test262 PR tc39/test262#3874, test/built-ins/AsyncContext/** (each test
//   names the file it follows, "262 <path>"), every case a library can meet;
// - tc39/proposal-async-context tests/async-context.test.ts ("proposal:"),
//   each case from its three starting states;
// - interop with als-wasm's AsyncLocalStorage, which shares the frames.
// Skipped test262 files, and why:
// - context-propagation/FinalizationRegistry.js needs $262.gc (a forced,
//   observable collection) and a FinalizationRegistry that snapshots at
//   register time, which als-wasm does not patch;
// - context-propagation/cross-realm.js, */proto-from-ctor-realm.js and
//   wrap/wrapped-function/has-prototype-from-current-realm.js need
//   $262.createRealm: als-wasm keeps one context per realm (the spec one per
//   agent), and pages and Deno have no portable way to make a realm here.
// Generators and built-in iterators: the proposal runs their bodies in the
// context of their creation; als-wasm runs them in the caller's (of next()),
// as Node's AsyncLocalStorage does. Those tests assert what als-wasm does and
// say so in their names.
// No tests for the host's own (ALS_IMPL=node): Node has no AsyncContext.
import { test, equal, ok, deepEqual, throws } from '../support/harness.mjs';
import { AsyncContext, AsyncLocalStorage, carrier } from '../support/subject.mjs';

const t = (name, fn) => test(`async-context: ${name}`, fn);

// A property's descriptor, as test262's verifyProperty checks it.
function prop(object, key, expected, label = String(key)) {
  const d = Object.getOwnPropertyDescriptor(object, key);
  ok(d, `${label}: no own property`);
  for (const field of Object.keys(expected)) equal(d[field], expected[field], `${label}.${field}`);
}
const builtinMethod = { writable: true, enumerable: false, configurable: true };
const fnMeta = { writable: false, enumerable: false, configurable: true };

// test262's isConstructor: Reflect.construct accepts fn as a newTarget only
// if it has [[Construct]] (nothing is called).
function isConstructor(fn) {
  try {
    Reflect.construct(function () {}, [], fn);
    return true;
  } catch {
    return false;
  }
}

const primitives = [1, false, '', undefined, null, Symbol('s'), 1n];
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

if (AsyncContext) {
  const { Variable, Snapshot } = AsyncContext;

  // --- the namespace --------------------------------------------------------

  t('262 Symbol.toStringTag.js: AsyncContext[@@toStringTag] is "AsyncContext"', () => {
    prop(AsyncContext, Symbol.toStringTag, { value: 'AsyncContext', ...fnMeta });
    equal(Object.prototype.toString.call(AsyncContext), '[object AsyncContext]');
  });

  t('262 proto.js: AsyncContext is an ordinary object inheriting Object.prototype', () => {
    equal(Object.getPrototypeOf(AsyncContext), Object.prototype);
    equal(typeof AsyncContext, 'object');
  });

  t('262 Variable/prop-desc.js, Snapshot/prop-desc.js: writable, not enumerable, configurable', () => {
    prop(AsyncContext, 'Variable', { value: Variable, ...builtinMethod });
    prop(AsyncContext, 'Snapshot', { value: Snapshot, ...builtinMethod });
  });

  // --- the constructors -----------------------------------------------------

  for (const [C, name, length] of [
    [Variable, 'Variable', 1],
    [Snapshot, 'Snapshot', 0],
  ]) {
    t(`262 ${name}/length.js: ${name}.length is ${length}`, () => {
      prop(C, 'length', { value: length, ...fnMeta });
    });

    t(`262 ${name}/name.js: ${name}.name is "${name}"`, () => {
      prop(C, 'name', { value: name, ...fnMeta });
    });

    t(`262 ${name}/internal-prototype.js: ${name} inherits Function.prototype`, () => {
      equal(Object.getPrototypeOf(C), Function.prototype);
    });

    t(`262 ${name}/is-a-constructor.js: ${name} is a constructor`, () => {
      ok(isConstructor(C));
    });

    t(`262 ${name}/undefined-newtarget-throws.js: calling ${name} without new throws a TypeError`, () => {
      throws(() => C(), { name: 'TypeError' });
      throws(() => C.call({}), { name: 'TypeError' });
    });

    t(`262 ${name}/instance-prototype.js, prototype-from-newtarget.js: instances inherit ${name}.prototype`, () => {
      equal(Object.getPrototypeOf(new C()), C.prototype);
    });

    t(`262 ${name}/instance-extensible.js: instances are extensible`, () => {
      ok(Object.isExtensible(new C()));
    });

    t(`262 ${name}/prototype-from-newtarget-custom.js: the prototype comes from NewTarget`, () => {
      equal(Object.getPrototypeOf(Reflect.construct(C, [], Object)), Object.prototype);
      const target = function () {}.bind(null);
      Object.defineProperty(target, 'prototype', { get: () => Array.prototype });
      equal(Object.getPrototypeOf(Reflect.construct(C, [], target)), Array.prototype);
    });

    t(`262 ${name}/prototype-from-newtarget-abrupt.js: a throwing NewTarget.prototype getter propagates, read once`, () => {
      let calls = 0;
      const sentinel = new Error('prototype getter');
      const target = function () {}.bind(null);
      Object.defineProperty(target, 'prototype', {
        get() {
          calls++;
          throw sentinel;
        },
      });
      equal(throws(() => Reflect.construct(C, [], target)), sentinel);
      equal(calls, 1);
    });

    // GetPrototypeFromConstructor falls back to the intrinsic
    // %AsyncContext.X.prototype%, not %Object.prototype% (a plain class's).
    t(`262 ${name}/newtarget-prototype-is-not-object.js: a primitive NewTarget.prototype gives ${name}.prototype`, () => {
      const target = function () {};
      for (const value of [undefined, null, true, '', Symbol('p'), 1]) {
        target.prototype = value;
        const proto = Object.getPrototypeOf(Reflect.construct(C, [], target));
        const which = proto === C.prototype ? `${name}.prototype` : proto === Object.prototype ? 'Object.prototype' : 'another object';
        equal(which, `${name}.prototype`, `NewTarget.prototype ${String(value)}`);
      }
    });

    t(`spec: ${name} can be subclassed; instances of the subclass keep the brand`, () => {
      class Sub extends C {}
      const sub = new Sub();
      ok(sub instanceof Sub && sub instanceof C);
      // The methods accept the subclass instance (it went through super()).
      if (C === Variable) equal(sub.run(1, () => sub.get()), 1);
      else equal(sub.run(() => 2), 2);
    });

    // --- C.prototype ---------------------------------------------------------

    t(`262 ${name}/prototype/descriptor.js: ${name}.prototype is not writable, enumerable or configurable`, () => {
      prop(C, 'prototype', { writable: false, enumerable: false, configurable: false });
    });

    t(`262 ${name}/prototype/proto.js: ${name}.prototype inherits Object.prototype`, () => {
      equal(Object.getPrototypeOf(C.prototype), Object.prototype);
    });

    t(`262 ${name}/prototype/constructor.js: ${name}.prototype.constructor is ${name}`, () => {
      prop(C.prototype, 'constructor', { value: C, ...builtinMethod });
    });

    t(`262 ${name}/prototype/Symbol.toStringTag.js: @@toStringTag is "AsyncContext.${name}"`, () => {
      prop(C.prototype, Symbol.toStringTag, { value: `AsyncContext.${name}`, ...fnMeta });
      equal(Object.prototype.toString.call(new C()), `[object AsyncContext.${name}]`);
    });
  }

  t('262 Snapshot/returns-new-object-from-constructor.js: each new Snapshot is a new object', () => {
    const a = new Snapshot();
    const b = new Snapshot();
    ok(a !== b);
  });

  // --- methods: lengths, names, descriptors, not constructors ---------------

  for (const [holder, key, length, label] of [
    [Variable.prototype, 'get', 0, 'Variable/prototype/get'],
    [Variable.prototype, 'run', 2, 'Variable/prototype/run'],
    [Snapshot.prototype, 'run', 1, 'Snapshot/prototype/run'],
    [Snapshot, 'wrap', 1, 'Snapshot/wrap'],
  ]) {
    t(`262 ${label}/length.js, name.js, prop-desc.js: length ${length}, name "${key}", a writable non-enumerable method`, () => {
      const fn = holder[key];
      prop(holder, key, { value: fn, ...builtinMethod });
      prop(fn, 'length', { value: length, ...fnMeta }, `${key}.length`);
      prop(fn, 'name', { value: key, ...fnMeta }, `${key}.name`);
    });

    t(`262 ${label}/not-a-constructor.js: ${key} is not a constructor`, () => {
      ok(!isConstructor(holder[key]));
      throws(() => new holder[key](), { name: 'TypeError' });
    });
  }

  t('262 Variable/prototype/name/name-getter.js, length.js, name.js: name is a getter without a setter', () => {
    const d = Object.getOwnPropertyDescriptor(Variable.prototype, 'name');
    equal(typeof d.get, 'function');
    equal(d.set, undefined);
    equal(d.enumerable, false);
    equal(d.configurable, true);
    prop(d.get, 'length', { value: 0, ...fnMeta }, 'getter length');
    prop(d.get, 'name', { value: 'get name', ...fnMeta }, 'getter name');
    ok(!isConstructor(d.get));
  });

  // --- brand checks ------------------------------------------------------------

  const nameGetter = Object.getOwnPropertyDescriptor(Variable.prototype, 'name').get;
  // [method, call with a given this, test262 folder, the other class's file]
  const branded = [
    ['Variable.prototype.name', (self) => nameGetter.call(self), 'Variable/prototype/name', 'does-not-have-internal-slot-snapshot.js'],
    ['Variable.prototype.get', (self) => Variable.prototype.get.call(self), 'Variable/prototype/get', 'context-is-snapshot-object-throws.js'],
    ['Variable.prototype.run', (self) => Variable.prototype.run.call(self, 1, () => {}), 'Variable/prototype/run', 'context-is-snapshot-object-throws.js'],
    ['Snapshot.prototype.run', (self) => Snapshot.prototype.run.call(self, () => {}), 'Snapshot/prototype/run', 'context-is-variable-object-throws.js'],
  ];
  for (const [name, call, folder, otherFile] of branded) {
    const ofVariable = name.startsWith('Variable');
    const notObject = ofVariable && name.endsWith('name') ? 'this-not-object-throw.js' : 'context-is-not-object.js';
    t(`262 ${folder}/${notObject}: ${name} throws a TypeError for a primitive this`, () => {
      for (const self of primitives) throws(() => call(self), { name: 'TypeError' }, String(self));
    });

    const notInstance = ofVariable && name.endsWith('name') ? 'does-not-have-internal-slot.js' : `context-is-not-${ofVariable ? 'variable' : 'snapshot'}-object.js`;
    t(`262 ${folder}/${notInstance}: ${name} throws a TypeError for an object without the slot`, () => {
      for (const self of [{}, [], () => {}, ofVariable ? Variable.prototype : Snapshot.prototype]) {
        throws(() => call(self), { name: 'TypeError' });
      }
    });

    // The other class's instances have the other class's slots only.
    t(`262 ${folder}/${otherFile}: ${name} throws a TypeError for an AsyncContext.${ofVariable ? 'Snapshot' : 'Variable'}`, () => {
      throws(() => call(ofVariable ? new Snapshot() : new Variable()), { name: 'TypeError' });
    });
  }

  // --- the Variable constructor's options --------------------------------------

  t('262 Variable/constructor-name-defaults-to-empty-string.js: name is "" without a name option', () => {
    equal(new Variable().name, '');
    equal(new Variable({}).name, '');
    equal(new Variable({ defaultValue: 1 }).name, '');
    // Options that are not objects are ignored.
    equal(new Variable('named').name, '');
    equal(new Variable(42).get(), undefined);
  });

  t('262 Variable/constructor-name.js: name is ToString(options.name)', () => {
    const roundtrip = (name) => new Variable({ name }).name;
    equal(roundtrip('foo'), 'foo');
    equal(roundtrip(42), '42');
    equal(roundtrip(undefined), 'undefined'); // present, so converted
    equal(roundtrip({ toString: () => 'bar' }), 'bar');
  });

  t('262 Variable/prototype/name/returns-name-passed-to-constructor.js: name returns the name given', () => {
    const v = new Variable({ name: 'request' });
    equal(v.name, 'request');
    equal(nameGetter.call(v), 'request');
  });

  t('spec (HasProperty, not own): an inherited name option counts', () => {
    equal(new Variable(Object.create({ name: 'inherited' })).name, 'inherited');
  });

  t('262 Variable/constructor-throwing-name-tostring.js: a Symbol name throws a TypeError, a throwing toString propagates', () => {
    throws(() => new Variable({ name: Symbol('n') }), { name: 'TypeError' });
    const sentinel = new Error('toString');
    const name = {
      toString() {
        throw sentinel;
      },
    };
    equal(throws(() => new Variable({ name })), sentinel);
  });

  for (const key of ['name', 'defaultValue']) {
    t(`262 Variable/constructor-throwing-${key}-getter.js: a throwing ${key} getter propagates`, () => {
      const sentinel = new Error(`${key} getter`);
      const options = Object.defineProperty({}, key, {
        get() {
          throw sentinel;
        },
      });
      equal(throws(() => new Variable(options)), sentinel);
    });
  }

  t('262 Variable/constructor-throwing-name-hasproperty.js: a throwing has trap for name propagates', () => {
    const sentinel = new Error('has');
    const options = new Proxy({}, {
      has(target, key) {
        if (key === 'name') throw sentinel;
        return false;
      },
    });
    equal(throws(() => new Variable(options)), sentinel);
  });

  // spec.html AsyncContext.Variable ( options ) step 4: the observable order.
  t('262 Variable/constructor-*.js (spec order): HasProperty name, Get name, ToString, Get defaultValue', () => {
    const log = [];
    const options = new Proxy({}, {
      has(target, key) {
        log.push(`has ${String(key)}`);
        return key === 'name';
      },
      get(target, key) {
        log.push(`get ${String(key)}`);
        if (key === 'name') return { toString: () => (log.push('toString'), 'n') };
        return undefined;
      },
    });
    new Variable(options);
    deepEqual(log, ['has name', 'get name', 'toString', 'get defaultValue']);
  });

  t('262 Variable/constructor-name-defaults-to-empty-string.js: no name property means no Get of name', () => {
    const log = [];
    const options = new Proxy({}, {
      get(target, key) {
        log.push(String(key));
        return undefined;
      },
    });
    new Variable(options);
    deepEqual(log, ['defaultValue']);
  });

  t('262 Variable/constructor-defaultValue.js: get() outside run returns defaultValue', () => {
    const symbol = Symbol('d');
    const object = {};
    for (const value of [undefined, 'foo', 42, symbol, object]) {
      equal(new Variable({ defaultValue: value }).get(), value);
    }
  });

  t('262 Variable/constructor-defaultValue-defaults-to-undefined.js: get() is undefined without defaultValue', () => {
    equal(new Variable().get(), undefined);
    equal(new Variable({ name: 'x' }).get(), undefined);
  });

  // --- Variable.prototype.get and run ------------------------------------------

  t('262 Variable/prototype/get/returns-default-value-outside-run.js: default outside run, and after it', () => {
    const v = new Variable({ defaultValue: 'default' });
    equal(v.get(), 'default');
    v.run('set', () => equal(v.get(), 'set'));
    equal(v.get(), 'default');
  });

  t('262 Variable/prototype/get/returns-undefined-if-set-in-run.js: run(undefined) gives undefined, not the default', () => {
    const v = new Variable({ defaultValue: 'default' });
    v.run(undefined, () => equal(v.get(), undefined));
  });

  t('262 Variable/prototype/get/returns-value-set-in-run.js, run/swaps-context-snapshot-before-callback.js: get() inside run is the value', () => {
    const v = new Variable();
    const object = {};
    equal(v.get(), undefined);
    v.run(42, () => equal(v.get(), 42));
    v.run(object, () => equal(v.get(), object));
  });

  t('262 Variable/prototype/run/calls-callback-with-args.js: run passes the extra arguments', () => {
    const v = new Variable();
    deepEqual(v.run(0, (...args) => args, 'a', 2, null), ['a', 2, null]);
    deepEqual(v.run(0, (...args) => args), []);
  });

  t('262 Variable/prototype/run/calls-callback-with-undefined-this.js: the callback is called with this undefined', () => {
    const v = new Variable();
    let self = 'unset';
    v.run(1, function () {
      self = this;
    });
    equal(self, undefined);
    // Even when run is called as a method of some object.
    const holder = { run: v.run.bind(v) };
    holder.run(1, function () {
      self = this;
    });
    equal(self, undefined);
  });

  t('262 Variable/prototype/run/returns-callback-return-value.js: run returns what the callback returns', () => {
    const v = new Variable();
    const object = {};
    equal(v.run(1, () => object), object);
    equal(v.run(1, () => {}), undefined);
  });

  t('262 Variable/prototype/run/returns-async-callback-return-value.js: an async callback\'s promise is returned', async () => {
    const v = new Variable();
    const object = {};
    const result = v.run('foo', async () => object);
    ok(result instanceof Promise);
    equal(await result, object);
  });

  t('262 Variable/prototype/run/restores-context-snapshot-after-callback.js: the previous value is back after run', () => {
    const v = new Variable();
    v.run('outer', () => {
      v.run('inner', () => equal(v.get(), 'inner'));
      equal(v.get(), 'outer');
    });
    equal(v.get(), undefined);
  });

  t('262 Variable/prototype/run/restores-context-snapshot-after-callback-throw.js, throws-if-callback-throws.js: the error propagates and the value is restored', () => {
    const v = new Variable();
    const sentinel = new Error('callback');
    v.run('outer', () => {
      const thrown = throws(() =>
        v.run('inner', () => {
          throw sentinel;
        }),
      );
      equal(thrown, sentinel);
      equal(v.get(), 'outer');
    });
    equal(v.get(), undefined);
  });

  t('262 Variable/prototype/run/restores-context-snapshot-after-callback-returns-promise.js: restored synchronously even if the callback returns a pending promise', () => {
    const v = new Variable();
    v.run('foo', () => {
      v.run('42', () => new Promise(() => {}));
      equal(v.get(), 'foo');
    });
    equal(v.get(), undefined);
  });

  t('262 Variable/prototype/run/restores-context-snapshot-after-callback-takes-snapshot.js: restored even when the callback took a Snapshot', () => {
    const v = new Variable();
    let snapshot;
    v.run('foo', () => {
      v.run('42', () => {
        snapshot = new Snapshot();
      });
      equal(v.get(), 'foo');
    });
    equal(v.get(), undefined);
    equal(snapshot.run(() => v.get()), '42');
  });

  // The returned-promise files of both run()s and of wrap: `enter(body)` runs
  // body where v is 'bar', inside v.run('foo'); the body sees 'bar' on both
  // sides of an await, and a then on run's promise sees the caller's 'foo'.
  async function thenOnRunsPromise(v, enter) {
    let release;
    const seen = [];
    const done = v.run('foo', () =>
      enter(async () => {
        seen.push(v.get());
        await new Promise((resolve) => (release = resolve));
        seen.push(v.get());
      }).then(() => seen.push(v.get())),
    );
    release();
    await done;
    deepEqual(seen, ['bar', 'bar', 'foo']);
  }

  t('262 Variable/prototype/run/returned-promise-does-not-resolve-in-snapshot.js: then on run\'s promise runs in the caller\'s context', async () => {
    const v = new Variable();
    await thenOnRunsPromise(v, (body) => v.run('bar', body));
  });

  t('262 Variable/prototype/run/throws-if-callback-is-not-callable.js: a non-callable fn throws a TypeError, the value is restored', () => {
    const v = new Variable();
    for (const fn of [undefined, 1, true, '', null, Symbol('f'), {}]) {
      throws(() => v.run('foo', fn), { name: 'TypeError' }, String(fn));
      equal(v.get(), undefined);
    }
    throws(() => v.run('foo'), { name: 'TypeError' }, 'no fn');
  });

  t('262 Variable/prototype/run/unrelated-snapshot-entries-keep-their-value.js: run changes only its own variable', () => {
    const [a, b, c] = [new Variable(), new Variable(), new Variable()];
    const [s1, s2, s3, s4, s5] = ['s1', 's2', 's3', 's4', 's5'].map((d) => Symbol(d));
    a.run(s1, () =>
      b.run(s2, () =>
        c.run(s3, () => {
          deepEqual([a.get(), b.get(), c.get()], [s1, s2, s3]);
          b.run(s4, () => a.run(s5, () => deepEqual([a.get(), b.get(), c.get()], [s5, s4, s3])));
          deepEqual([a.get(), b.get(), c.get()], [s1, s2, s3]);
        }),
      ),
    );
  });

  t('262 Variable/prototype/run (SameValueZero keys): two variables with the same name are independent', () => {
    const a = new Variable({ name: 'same' });
    const b = new Variable({ name: 'same' });
    a.run('A', () => equal(b.get(), undefined));
  });

  // --- Snapshot.prototype.run ----------------------------------------------------

  t('262 Snapshot/prototype/run/restores-snapshot.js: run restores the values at construction', () => {
    const v = new Variable();
    const snapshot = v.run('captured', () => new Snapshot());
    v.run('current', () => equal(snapshot.run(() => v.get()), 'captured'));
    equal(snapshot.run(() => v.get()), 'captured');
  });

  t('262 Snapshot/prototype/run/calls-callback-with-args.js, returns-callback-return-value.js: args in, value out', () => {
    const snapshot = new Snapshot();
    const object = {};
    deepEqual(snapshot.run((...args) => args, 1, 'b'), [1, 'b']);
    equal(snapshot.run(() => object), object);
  });

  t('262 Snapshot/prototype/run/calls-callback-with-undefined-this.js: the callback is called with this undefined', () => {
    const snapshot = new Snapshot();
    let self = 'unset';
    snapshot.run(function () {
      self = this;
    });
    equal(self, undefined);
  });

  t('262 Snapshot/prototype/run/returns-async-callback-return-value.js: an async callback\'s promise is returned', async () => {
    const object = {};
    const result = new Snapshot().run(async () => object);
    ok(result instanceof Promise);
    equal(await result, object);
  });

  t('262 Snapshot/prototype/run/restores-previous-context-snapshot-after-callback.js: the caller\'s values are back after run', () => {
    const v = new Variable();
    const snapshot = v.run('captured', () => new Snapshot());
    v.run('current', () => {
      snapshot.run(() => {});
      equal(v.get(), 'current');
    });
  });

  t('262 Snapshot/prototype/run/restores-previous-context-snapshot-after-callback-throw.js, throws-if-callback-throws.js: rethrows and restores', () => {
    const v = new Variable();
    const snapshot = v.run('captured', () => new Snapshot());
    const sentinel = new Error('callback');
    v.run('current', () => {
      const thrown = throws(() =>
        snapshot.run(() => {
          throw sentinel;
        }),
      );
      equal(thrown, sentinel);
      equal(v.get(), 'current');
    });
  });

  // Unset in the snapshot means unset, also for variables made after it.
  t('262 Snapshot/prototype/run/restores-unset-variables.js: variables unset at capture, or created later, read unset', () => {
    const symbol = Symbol('default');
    const a = new Variable();
    const b = new Variable({ defaultValue: symbol });
    const c = new Variable();
    const snapshot = a.run('foo', () => new Snapshot());
    const laterWithDefault = new Variable({ defaultValue: symbol });
    const later = new Variable();
    const seen = b.run('bar', () =>
      c.run('baz', () =>
        laterWithDefault.run('fizz', () =>
          later.run('buzz', () => snapshot.run(() => [a.get(), b.get(), c.get(), laterWithDefault.get(), later.get()])),
        ),
      ),
    );
    deepEqual(seen, ['foo', symbol, undefined, symbol, undefined]);
  });

  t('262 Snapshot/prototype/run/returned-promise-does-not-resolve-in-snapshot.js: then on run\'s promise runs in the caller\'s context', async () => {
    const v = new Variable();
    const snapshot = v.run('bar', () => new Snapshot());
    await thenOnRunsPromise(v, (body) => snapshot.run(body));
  });

  t('262 Snapshot/prototype/run/throws-if-callback-is-not-callable.js: a non-callable fn throws a TypeError', () => {
    const snapshot = new Snapshot();
    for (const fn of [undefined, 1, true, '', null, Symbol('f'), {}]) {
      throws(() => snapshot.run(fn), { name: 'TypeError' }, String(fn));
    }
    throws(() => snapshot.run(), { name: 'TypeError' }, 'no fn');
  });

  // --- Snapshot.wrap ---------------------------------------------------------------

  t('262 Snapshot/wrap/throws-if-callback-is-not-callable.js: wrap of a non-callable throws a TypeError', () => {
    for (const fn of [undefined, 1, true, '', null, Symbol('f'), {}, 1n]) {
      throws(() => Snapshot.wrap(fn), { name: 'TypeError' }, String(fn));
    }
  });

  t('262 Snapshot/wrap/wrapped-function/is-function.js, has-prototype-from-current-realm.js: wrap returns a plain function', () => {
    const wrapped = Snapshot.wrap(() => {});
    equal(typeof wrapped, 'function');
    equal(Object.getPrototypeOf(wrapped), Function.prototype);
  });

  t('262 Snapshot/wrap/wrapped-function/not-a-constructor.js: the wrapper is not a constructor, even for a class', () => {
    const wrapped = Snapshot.wrap(class {});
    ok(!isConstructor(wrapped));
    throws(() => new wrapped(), { name: 'TypeError' });
    ok(!Object.hasOwn(wrapped, 'prototype'));
  });

  t('262 Snapshot/wrap/wrapped-function/calls-callback.js, calls-callback-with-args.js, returns-callback-return-value.js', () => {
    const object = {};
    let calls = 0;
    const wrapped = Snapshot.wrap((...args) => {
      calls++;
      return [object, args];
    });
    const [out, args] = wrapped(1, 'two');
    equal(calls, 1);
    equal(out, object);
    deepEqual(args, [1, 'two']);
  });

  t('262 Snapshot/wrap/wrapped-function/calls-callback-with-this.js: the wrapper passes its own this', () => {
    const receiver = {};
    const wrapped = Snapshot.wrap(function () {
      return this;
    });
    equal(wrapped.apply(receiver), receiver);
    equal(wrapped.call(7), 7); // a strict callback sees the primitive itself
    const holder = { wrapped };
    equal(holder.wrapped(), holder);
    equal(wrapped(), undefined);
  });

  t('262 Snapshot/wrap/wrapped-function/calls-callback-in-snapshot.js, restores-snapshot.js: the wrapper runs in the context of wrap', () => {
    const v = new Variable();
    const wrapped = v.run('wrap time', () => Snapshot.wrap(() => v.get()));
    v.run('call time', () => equal(wrapped(), 'wrap time'));
    equal(wrapped(), 'wrap time');
  });

  t('262 Snapshot/wrap/wrapped-function/restores-previous-context-snapshot-after-callback.js', () => {
    const v = new Variable();
    const wrapped = v.run('wrap time', () => Snapshot.wrap(() => {}));
    v.run('call time', () => {
      wrapped();
      equal(v.get(), 'call time');
    });
  });

  t('262 Snapshot/wrap/wrapped-function/restores-previous-context-snapshot-after-callback-throw.js, throws-if-callback-throws.js', () => {
    const v = new Variable();
    const sentinel = new Error('callback');
    const wrapped = v.run('wrap time', () =>
      Snapshot.wrap(() => {
        throw sentinel;
      }),
    );
    v.run('call time', () => {
      equal(throws(() => wrapped()), sentinel);
      equal(v.get(), 'call time');
    });
  });

  t('262 Snapshot/wrap/wrapped-function/restores-unset-variables.js: unset at wrap, or created later, read unset', () => {
    const symbol = Symbol('default');
    const a = new Variable();
    const b = new Variable({ defaultValue: symbol });
    const c = new Variable();
    let laterWithDefault;
    let later;
    const wrapped = a.run('foo', () =>
      Snapshot.wrap(() => [a.get(), b.get(), c.get(), laterWithDefault.get(), later.get()]),
    );
    laterWithDefault = new Variable({ defaultValue: symbol });
    later = new Variable();
    const seen = b.run('bar', () => c.run('baz', () => laterWithDefault.run('fizz', () => later.run('buzz', wrapped))));
    deepEqual(seen, ['foo', symbol, undefined, symbol, undefined]);
  });

  t('262 Snapshot/wrap/wrapped-function/returns-async-callback-return-value.js', async () => {
    const object = {};
    const result = Snapshot.wrap(async () => object)();
    ok(result instanceof Promise);
    equal(await result, object);
  });

  t('262 Snapshot/wrap/wrapped-function/returned-promise-does-not-resolve-in-snapshot.js: then on the wrapper\'s promise runs in the caller\'s context', async () => {
    const v = new Variable();
    await thenOnRunsPromise(v, (body) => v.run('bar', () => Snapshot.wrap(body))());
  });

  // CopyNameAndLength(wrapped, fn, "wrapped").
  t('262 Snapshot/wrap/wrapped-function/name.js: name is "wrapped " + fn.name when that is a string', () => {
    function callback() {}
    const nameOf = () => {
      const wrapped = Snapshot.wrap(callback);
      prop(wrapped, 'name', fnMeta);
      return wrapped.name;
    };
    const setName = (value) => Object.defineProperty(callback, 'name', { value, writable: true, enumerable: true, configurable: true });
    equal(nameOf(), 'wrapped callback');
    setName('foo');
    equal(nameOf(), 'wrapped foo');
    for (const value of [42, undefined, Symbol('s'), new String('foo'), {}]) {
      setName(value);
      equal(nameOf(), 'wrapped ', String(value));
    }
    // An object name is not converted: its toString is never called.
    setName({
      toString() {
        throw new Error('toString called');
      },
    });
    equal(nameOf(), 'wrapped ');
    delete callback.name;
    equal(nameOf(), 'wrapped '); // Function.prototype.name is ""
    // An inherited name counts (Get, not own).
    Object.setPrototypeOf(callback, Object.create(Function.prototype, { name: { value: 'inherited' } }));
    equal(nameOf(), 'wrapped inherited');
  });

  t('262 Snapshot/wrap/wrapped-function/length.js: length is fn\'s own length as a non-negative integer or Infinity, else 0', () => {
    function callback(_a, _b) {}
    const lengthOf = () => {
      const wrapped = Snapshot.wrap(callback);
      prop(wrapped, 'length', fnMeta);
      return wrapped.length;
    };
    const setLength = (value) => Object.defineProperty(callback, 'length', { value, writable: true, enumerable: true, configurable: true });
    equal(lengthOf(), 2);
    const cases = [
      [0, 0], [42, 42], [-42, 0], [Infinity, Infinity], [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      [Number.MAX_SAFE_INTEGER * 120, Number.MAX_SAFE_INTEGER * 120], [-0, 0], [-0.2, 0], [-Infinity, 0],
      [NaN, 0], [7.2, 7], [7.9, 7], [undefined, 0], ['42', 0], [Symbol('l'), 0], [42n, 0], [new Number(42), 0],
      [{ valueOf: () => 42 }, 0],
    ];
    for (const [value, expected] of cases) {
      setLength(value);
      equal(lengthOf(), expected, `length ${String(value)}`);
    }
    delete callback.length;
    equal(lengthOf(), 0);
    // An inherited length is ignored (HasOwnProperty).
    Object.setPrototypeOf(callback, Object.create(Function.prototype, { length: { value: 2 } }));
    equal(lengthOf(), 0);
  });

  t('262 Snapshot/wrap/throws-if-callback-length-throws.js, throws-if-own-callback-length-getter-throws.js: an own length getter\'s error propagates', () => {
    function callback() {}
    const sentinel = new Error('length');
    Object.defineProperty(callback, 'length', {
      get() {
        throw sentinel;
      },
    });
    equal(throws(() => Snapshot.wrap(callback)), sentinel);
  });

  t('262 Snapshot/wrap/does-not-throw-if-inherited-callback-length-getter-throws.js: an inherited length is never read', () => {
    function callback() {}
    delete callback.length;
    Object.setPrototypeOf(callback, {
      get length() {
        throw new Error('inherited length read');
      },
    });
    equal(Snapshot.wrap(callback).length, 0);
  });

  t('262 Snapshot/wrap/throws-if-callback-length-getownproperty-throws.js: a throwing getOwnPropertyDescriptor trap for length propagates', () => {
    const sentinel = new Error('gOPD');
    const callback = new Proxy(function () {}, {
      getOwnPropertyDescriptor() {
        throw sentinel;
      },
    });
    equal(throws(() => Snapshot.wrap(callback)), sentinel);
  });

  t('262 Snapshot/wrap/does-not-throw-if-callback-name-getownproperty-throws.js: name is read with Get only', () => {
    // Named by hand: a bundler may rename a function declaration.
    const original = Object.defineProperty(function () {}, 'name', { value: 'original' });
    const callback = new Proxy(original, {
      getOwnPropertyDescriptor(target, key) {
        if (key === 'length') return Object.getOwnPropertyDescriptor(original, 'length');
        throw new Error(`getOwnPropertyDescriptor ${String(key)}`);
      },
    });
    equal(Snapshot.wrap(callback).name, 'wrapped original');
  });

  t('262 Snapshot/wrap/throws-if-callback-name-throws.js, throws-if-own-callback-name-getter-throws.js: an own name getter\'s error propagates', () => {
    function callback() {}
    const sentinel = new Error('name');
    Object.defineProperty(callback, 'name', {
      get() {
        throw sentinel;
      },
    });
    equal(throws(() => Snapshot.wrap(callback)), sentinel);
  });

  t('262 Snapshot/wrap/throws-if-inherited-callback-name-getter-throws.js: an inherited name getter\'s error propagates', () => {
    function callback() {}
    delete callback.name;
    const sentinel = new Error('inherited name');
    Object.setPrototypeOf(callback, {
      get name() {
        throw sentinel;
      },
    });
    equal(throws(() => Snapshot.wrap(callback)), sentinel);
  });

  t('262 Snapshot/wrap (CopyNameAndLength order): length (own check, Get) before name', () => {
    const log = [];
    const callback = new Proxy(function () {}, {
      getOwnPropertyDescriptor(target, key) {
        log.push(`own ${String(key)}`);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      get(target, key) {
        log.push(`get ${String(key)}`);
        return Reflect.get(target, key);
      },
    });
    Snapshot.wrap(callback);
    deepEqual(log, ['own length', 'get length', 'get name']);
  });

  // --- context propagation -----------------------------------------------------------

  t('262 context-propagation/async-await.js: the value survives an await of a pending promise, and is gone after', async () => {
    const v = new Variable();
    let release;
    const seen = [];
    equal(v.get(), undefined);
    const promise = v.run(42, async () => {
      seen.push(v.get());
      await new Promise((resolve) => (release = resolve));
      seen.push(v.get());
    });
    release();
    await promise.then(() => seen.push(v.get()));
    deepEqual(seen, [42, 42, undefined]);
  });

  t('262 context-propagation/promise-then.js: then callbacks run in the context of then, not of creation or resolution', async () => {
    const v = new Variable();
    let resolve;
    const promise = v.run('promise creation time', () => new Promise((r) => (resolve = r)));
    const seen = v.run('then registration time', () => promise.then(() => v.get()));
    v.run('resolution time', () => resolve());
    equal(await seen, 'then registration time');
  });

  // Promise.resolve(thenable) is no await: als-wasm/plugin does not reach it.
  const thenableKept = carrier !== 'patch';
  t(`262 context-propagation/continuation-propagation-thenable.js: a thenable's then ${thenableKept ? 'runs in the context of Promise.resolve' : 'loses the value (a limit of the patch carrier), never another'}`, async () => {
    const v = new Variable();
    const expected = Symbol('expected');
    let seen = 'unset';
    const thenable = {
      then(resolve) {
        seen = v.get();
        resolve();
      },
    };
    await v.run(expected, () => Promise.resolve(thenable));
    equal(seen, thenableKept ? expected : undefined);
  });

  t('262 context-propagation/async-generators.js (one context): for await over an async generator keeps the value across awaits and yields', async () => {
    const v = new Variable();
    async function* numbers() {
      for (let i = 0; i < 3; i++) {
        await tick();
        yield [i, v.get()];
        await Promise.resolve();
      }
    }
    const seen = await v.run('flow', async () => {
      const out = [];
      for await (const [i, value] of numbers()) {
        out.push([i, value, v.get()]);
        await tick();
      }
      out.push(v.get());
      return out;
    });
    deepEqual(seen, [[0, 'flow', 'flow'], [1, 'flow', 'flow'], [2, 'flow', 'flow'], 'flow']);
    equal(v.get(), undefined);
  });

  t('262 context-propagation/generators.js (differs from the proposal: the caller\'s context): the body runs in the context of each next()', () => {
    // The proposal: "init" both times (the context at creation).
    const v = new Variable();
    const seen = [];
    function* gen() {
      seen.push(v.get());
      yield;
      seen.push(v.get());
    }
    const g = v.run('init', () => gen());
    v.run('first iter', () => g.next());
    v.run('second iter', () => g.next());
    deepEqual(seen, ['first iter', 'second iter']);
  });

  t('262 context-propagation/generators-yield-inside-run.js (differs from the proposal: the caller\'s context): run only creates the inner generator', () => {
    // The proposal: init, nested-gen, nested-gen, init. In als-wasm the
    // run("nested-gen") returns before the inner body starts.
    const v = new Variable();
    const seen = [];
    function* gen() {
      seen.push(['outer', v.get()]);
      yield* v.run('nested-gen', function* () {
        seen.push(['inner', v.get()]);
        yield;
        seen.push(['inner', v.get()]);
      });
      seen.push(['outer', v.get()]);
    }
    const g = v.run('init', () => gen());
    v.run('first iter', () => g.next());
    v.run('second iter', () => g.next());
    deepEqual(seen, [['outer', 'first iter'], ['inner', 'first iter'], ['inner', 'second iter'], ['outer', 'second iter']]);
  });

  t('262 context-propagation/async-generators.js (differs from the proposal: the caller\'s context): each next() brings its own context', async () => {
    // The proposal: "init" both times.
    const v = new Variable();
    const seen = [];
    async function* gen() {
      await Promise.resolve();
      seen.push(v.get());
      yield;
      await Promise.resolve();
      seen.push(v.get());
    }
    const g = v.run('init', () => gen());
    await v.run('first iter', async () => {
      await g.next();
    });
    await v.run('second iter', async () => {
      await g.next();
    });
    deepEqual(seen, ['first iter', 'second iter']);
  });

  t('262 context-propagation/async-generators-yield-inside-run.js (differs from the proposal: the caller\'s context)', async () => {
    // The proposal: init, then nested-gen four times, then init.
    const v = new Variable();
    const seen = [];
    async function* gen() {
      await Promise.resolve();
      seen.push(['outer', v.get()]);
      yield* v.run('nested-gen', async function* () {
        seen.push(['inner', v.get()]);
        await Promise.resolve();
        seen.push(['inner', v.get()]);
        yield;
        seen.push(['inner', v.get()]);
        await Promise.resolve();
        seen.push(['inner', v.get()]);
      });
      await Promise.resolve();
      seen.push(['outer', v.get()]);
    }
    const g = v.run('init', () => gen());
    await v.run('first iter', async () => {
      await g.next();
    });
    await v.run('second iter', async () => {
      await g.next();
    });
    deepEqual(seen, [
      ['outer', 'first iter'],
      ['inner', 'first iter'],
      ['inner', 'first iter'],
      ['inner', 'second iter'],
      ['inner', 'second iter'],
      ['outer', 'second iter'],
    ]);
  });

  t('262 context-propagation/CreateIteratorFromClosure.js (differs from the proposal: the caller\'s context): an array iterator reads in the context of next()', () => {
    // The proposal: "foo", the context in which values() made the iterator.
    const v = new Variable();
    const array = [];
    let seen = 'unset';
    Object.defineProperty(array, 0, {
      get() {
        seen = v.get();
      },
    });
    const iterator = v.run('foo', () => array.values());
    v.run('bar', () => iterator.next());
    equal(seen, 'bar');
  });

  // --- tc39/proposal-async-context tests/async-context.test.ts ------------------------
  // Each case runs from its three starting states: the initial one, a fresh
  // run (not frozen), and a run in which a wrap has frozen the state.

  const states = [
    ['from the initial state', (fn) => fn()],
    ['from a fresh run', (fn) => new Variable().run(null, fn)],
    [
      'from a run frozen by a wrap',
      (fn) =>
        new Variable().run(null, () => {
          Snapshot.wrap(() => {});
          fn();
        }),
    ],
  ];
  const proposal = (name, fn) => {
    for (const [state, from] of states) t(`proposal: ${name} (${state})`, () => from(fn));
  };

  const first = { id: 1 };
  const second = { id: 2 };
  const third = { id: 3 };

  proposal('run and get: has initial undefined state', () => {
    equal(new Variable().get(), undefined);
  });

  proposal('run and get: return value', () => {
    const expected = { id: 1 };
    equal(new Variable().run({ id: 2 }, () => expected), expected);
  });

  proposal('run and get: get returns current context value', () => {
    const ctx = new Variable();
    ctx.run(first, () => equal(ctx.get(), first));
  });

  proposal('run and get: get within nesting contexts', () => {
    const ctx = new Variable();
    ctx.run(first, () => {
      equal(ctx.get(), first);
      ctx.run(second, () => equal(ctx.get(), second));
      equal(ctx.get(), first);
    });
    equal(ctx.get(), undefined);
  });

  proposal('run and get: get within nesting different contexts', () => {
    const [a, b] = [new Variable(), new Variable()];
    a.run(first, () => {
      deepEqual([a.get(), b.get()], [first, undefined]);
      b.run(second, () => deepEqual([a.get(), b.get()], [first, second]));
      deepEqual([a.get(), b.get()], [first, undefined]);
    });
    deepEqual([a.get(), b.get()], [undefined, undefined]);
  });

  proposal('wrap: stores initial undefined state', () => {
    const ctx = new Variable();
    const wrapped = Snapshot.wrap(() => ctx.get());
    ctx.run(first, () => equal(wrapped(), undefined));
  });

  proposal('wrap: stores current state', () => {
    const ctx = new Variable();
    const wrapped = ctx.run(first, () => {
      const wrapped = Snapshot.wrap(() => ctx.get());
      equal(wrapped(), first);
      equal(ctx.get(), first);
      return wrapped;
    });
    equal(wrapped(), first);
    equal(ctx.get(), undefined);
  });

  // Upstream has this case twice, word for word; once is enough here.
  proposal('wrap: runs within wrap', () => {
    const ctx = new Variable();
    const body = () => {
      equal(ctx.get(), first);
      ctx.run(second, () => equal(ctx.get(), second));
      equal(ctx.get(), first);
    };
    const [wrap1, wrap2] = ctx.run(first, () => {
      const wrap1 = Snapshot.wrap(body);
      equal(ctx.get(), first);
      ctx.run(second, () => equal(ctx.get(), second));
      const wrap2 = Snapshot.wrap(body);
      equal(ctx.get(), first);
      return [wrap1, wrap2];
    });
    wrap1();
    wrap2();
    equal(ctx.get(), undefined);
  });

  // "runs different context within wrap" and ", 2": a run of a (or b)
  // between the two wraps changes neither.
  for (const [suffix, between] of [
    ['', 'a'],
    [', 2', 'b'],
  ]) {
    proposal(`wrap: runs different context within wrap${suffix}`, () => {
      const a = new Variable();
      const b = new Variable();
      const body = () => {
        deepEqual([a.get(), b.get()], [first, undefined]);
        b.run(second, () => deepEqual([a.get(), b.get()], [first, second]));
        deepEqual([a.get(), b.get()], [first, undefined]);
      };
      const [wrap1, wrap2] = a.run(first, () => {
        const wrap1 = Snapshot.wrap(body);
        (between === 'a' ? a : b).run(second, () => {});
        const wrap2 = Snapshot.wrap(body);
        deepEqual([a.get(), b.get()], [first, undefined]);
        return [wrap1, wrap2];
      });
      wrap1();
      wrap2();
      deepEqual([a.get(), b.get()], [undefined, undefined]);
    });
  }

  proposal('wrap: wrap within nesting contexts', () => {
    const ctx = new Variable();
    const [firstWrap, secondWrap] = ctx.run(first, () => {
      const firstWrap = Snapshot.wrap(() => equal(ctx.get(), first));
      firstWrap();
      const secondWrap = ctx.run(second, () => {
        const secondWrap = Snapshot.wrap(() => {
          firstWrap();
          equal(ctx.get(), second);
        });
        firstWrap();
        secondWrap();
        equal(ctx.get(), second);
        return secondWrap;
      });
      firstWrap();
      secondWrap();
      equal(ctx.get(), first);
      return [firstWrap, secondWrap];
    });
    firstWrap();
    secondWrap();
    equal(ctx.get(), undefined);
  });

  proposal('wrap: wrap within nesting different contexts', () => {
    const [a, b] = [new Variable(), new Variable()];
    const [firstWrap, secondWrap] = a.run(first, () => {
      const firstWrap = Snapshot.wrap(() => deepEqual([a.get(), b.get()], [first, undefined]));
      firstWrap();
      const secondWrap = b.run(second, () => {
        const secondWrap = Snapshot.wrap(() => {
          firstWrap();
          deepEqual([a.get(), b.get()], [first, second]);
        });
        firstWrap();
        secondWrap();
        deepEqual([a.get(), b.get()], [first, second]);
        return secondWrap;
      });
      firstWrap();
      secondWrap();
      deepEqual([a.get(), b.get()], [first, undefined]);
      return [firstWrap, secondWrap];
    });
    firstWrap();
    secondWrap();
    deepEqual([a.get(), b.get()], [undefined, undefined]);
  });

  // ", 2" to ", 6": three nested runs, a wrap in the innermost; ", 3" to
  // ", 6" add a throwaway wrap at one level (it freezes that state).
  for (const [suffix, throwawayAt] of [
    [', 2', null],
    [', 3', 'b before c'],
    [', 4', 'a before b'],
    [', 5', 'b after c'],
    [', 6', 'a after b'],
  ]) {
    proposal(`wrap: wrap within nesting different contexts${suffix}`, () => {
      const [a, b, c] = [new Variable(), new Variable(), new Variable()];
      const all = () => [a.get(), b.get(), c.get()];
      const throwaway = (where) => {
        if (throwawayAt === where) Snapshot.wrap(() => {});
      };
      const wrap = a.run(first, () => {
        throwaway('a before b');
        const wrap = b.run(second, () => {
          throwaway('b before c');
          const wrap = c.run(third, () => Snapshot.wrap(() => deepEqual(all(), [first, second, third])));
          throwaway('b after c');
          deepEqual(all(), [first, second, undefined]);
          return wrap;
        });
        throwaway('a after b');
        deepEqual(all(), [first, undefined, undefined]);
        return wrap;
      });
      deepEqual(all(), [undefined, undefined, undefined]);
      wrap();
      deepEqual(all(), [undefined, undefined, undefined]);
    });
  }

  proposal('wrap: wrap out of order', () => {
    const ctx = new Variable();
    const firstWrap = ctx.run(first, () => Snapshot.wrap(() => equal(ctx.get(), first)));
    const secondWrap = ctx.run(second, () => Snapshot.wrap(() => equal(ctx.get(), second)));
    firstWrap();
    secondWrap();
    firstWrap();
    secondWrap();
  });

  // --- interop with AsyncLocalStorage (one frame for both) ------------------------------

  t('interop: a Snapshot taken inside storage.run restores the store', () => {
    const storage = new AsyncLocalStorage();
    const snapshot = storage.run('store', () => new Snapshot());
    storage.run('other', () => equal(snapshot.run(() => storage.getStore()), 'store'));
    equal(snapshot.run(() => storage.getStore()), 'store');
    equal(storage.getStore(), undefined);
  });

  t('interop: a Snapshot taken outside storage.run clears the store inside it', () => {
    const storage = new AsyncLocalStorage();
    const snapshot = new Snapshot();
    storage.run('store', () => {
      equal(snapshot.run(() => storage.getStore()), undefined);
      equal(storage.getStore(), 'store');
    });
  });

  t('interop: AsyncLocalStorage.snapshot() restores a Variable\'s value', () => {
    const v = new Variable({ defaultValue: 'default' });
    const runInSnapshot = v.run('value', () => AsyncLocalStorage.snapshot());
    v.run('other', () => equal(runInSnapshot(() => v.get()), 'value'));
    const unset = AsyncLocalStorage.snapshot();
    v.run('other', () => equal(unset(() => v.get()), 'default'));
  });

  t('interop: AsyncLocalStorage.bind() restores a Variable\'s value', () => {
    const v = new Variable();
    const bound = v.run('value', () => AsyncLocalStorage.bind(() => v.get()));
    v.run('other', () => equal(bound(), 'value'));
  });

  t('interop: Variable.run leaves the store alone, storage.run leaves the Variable alone', () => {
    const storage = new AsyncLocalStorage();
    const v = new Variable();
    storage.run('store', () => v.run('value', () => deepEqual([storage.getStore(), v.get()], ['store', 'value'])));
    v.run('value', () => storage.run('store', () => deepEqual([storage.getStore(), v.get()], ['store', 'value'])));
    deepEqual([storage.getStore(), v.get()], [undefined, undefined]);
  });

  t('interop: an enterWith inside Variable.run ends with the run', () => {
    const storage = new AsyncLocalStorage();
    const v = new Variable();
    storage.run('outer', () => {
      v.run('value', () => {
        storage.enterWith('entered');
        equal(storage.getStore(), 'entered');
      });
      equal(storage.getStore(), 'outer');
    });
  });

  // One nesting of storage.run and Variable.run: both values after an await
  // and in a timer, and neither after.
  async function keepsBoth(nest) {
    const storage = new AsyncLocalStorage();
    const v = new Variable();
    const both = () => [storage.getStore(), v.get()];
    const seen = await nest(storage, v, async () => {
      const out = [both()];
      await tick();
      out.push(both());
      out.push(await new Promise((resolve) => setTimeout(() => resolve(both()), 1)));
      return out;
    });
    deepEqual(seen, [['store', 'value'], ['store', 'value'], ['store', 'value']]);
    deepEqual(both(), [undefined, undefined]);
  }

  t('interop: storage.run inside Variable.run keeps both across await and setTimeout', () =>
    keepsBoth((storage, v, body) => v.run('value', () => storage.run('store', body))));

  t('interop: Variable.run inside storage.run keeps both across await and setTimeout', () =>
    keepsBoth((storage, v, body) => storage.run('store', () => v.run('value', body))));

  t('interop: concurrent flows each keep their own store and Variable value', async () => {
    const storage = new AsyncLocalStorage();
    const v = new Variable();
    const flow = (id) =>
      storage.run(`s${id}`, () =>
        v.run(`v${id}`, async () => {
          await new Promise((resolve) => setTimeout(resolve, 4 - id));
          const afterTimer = [storage.getStore(), v.get()];
          await tick();
          return [afterTimer, [storage.getStore(), v.get()]];
        }),
      );
    const results = await Promise.all([0, 1, 2, 3].map(flow));
    results.forEach((seen, id) => deepEqual(seen, [[`s${id}`, `v${id}`], [`s${id}`, `v${id}`]], `flow ${id}`));
  });

  t('interop: Snapshot.wrap restores both the store and the Variable', () => {
    const storage = new AsyncLocalStorage();
    const v = new Variable();
    const wrapped = storage.run('store', () => v.run('value', () => Snapshot.wrap(() => [storage.getStore(), v.get()])));
    storage.run('other store', () => v.run('other value', () => deepEqual(wrapped(), ['store', 'value'])));
    deepEqual(wrapped(), ['store', 'value']);
  });

  t('interop: Snapshot.wrap restores both in a later timer of another context', async () => {
    const storage = new AsyncLocalStorage();
    const v = new Variable();
    const wrapped = storage.run('store', () => v.run('value', () => Snapshot.wrap(() => [storage.getStore(), v.get()])));
    const seen = await storage.run('other store', () =>
      v.run('other value', () => new Promise((resolve) => setTimeout(() => resolve([wrapped(), [storage.getStore(), v.get()]]), 1))),
    );
    deepEqual(seen, [['store', 'value'], ['other store', 'other value']]);
  });
}
