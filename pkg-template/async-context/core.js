// TC39's AsyncContext (Variable, Snapshot) over als-wasm's frames
// (tc39/proposal-async-context, spec.html). A Variable is one more key in the
// frames AsyncLocalStorage instances use, so a Snapshot captures both and
// AsyncLocalStorage.snapshot() captures Variables; whatever carrier the realm
// has (native, scoped or patch) carries them alike. The entries beside this
// file install the carrier of their host first.
import { currentFrame, derive, nextKey, runInFrame, storeIn } from '../core/context.js';

const callable = (fn) => typeof fn === 'function';
const notCallable = (what) => new TypeError(`${what} is not a function`);

export class Variable {
  #key = nextKey();
  #name = '';
  #defaultValue;

  // The spec's order: HasProperty(name), Get(name), ToString, Get(defaultValue).
  constructor(options = undefined) {
    ownPrototype(this, new.target, Variable);
    if (options !== null && (typeof options === 'object' || typeof options === 'function')) {
      if ('name' in options) this.#name = `${options.name}`;
      this.#defaultValue = options.defaultValue;
    }
  }

  get name() {
    return this.#name;
  }

  // The frame of the call, with this variable set; fn runs with `this`
  // undefined, and the frame of the call comes back even on a throw.
  run(value, fn, ...args) {
    const key = this.#key;
    if (!callable(fn)) throw notCallable('AsyncContext.Variable.prototype.run: fn');
    return runInFrame(derive(currentFrame(), key, value), fn, undefined, args);
  }

  get() {
    return storeIn(currentFrame(), this.#key, this.#defaultValue);
  }
}

export class Snapshot {
  #frame = currentFrame();

  constructor() {
    ownPrototype(this, new.target, Snapshot);
  }

  run(fn, ...args) {
    const frame = this.#frame;
    if (!callable(fn)) throw notCallable('AsyncContext.Snapshot.prototype.run: fn');
    return runInFrame(frame, fn, undefined, args);
  }

  // A function (not a constructor) that calls fn, with its caller's `this`,
  // in the frame current now; named "wrapped <name>", with fn's length
  // (CopyNameAndLength).
  static wrap(fn) {
    if (!callable(fn)) throw notCallable('AsyncContext.Snapshot.wrap: fn');
    const frame = currentFrame();
    const { wrapped } = {
      wrapped(...args) {
        return runInFrame(frame, fn, this, args);
      },
    };
    Object.defineProperty(wrapped, 'length', { value: lengthOf(fn) });
    const name = fn.name;
    Object.defineProperty(wrapped, 'name', { value: `wrapped ${typeof name === 'string' ? name : ''}` });
    return wrapped;
  }
}

// A builtin made through Reflect.construct with a newTarget whose prototype
// is not an object gets its own class's prototype (GetPrototypeFromConstructor);
// a class would get Object.prototype.
function ownPrototype(instance, newTarget, Class) {
  const proto = newTarget.prototype;
  if (proto === null || (typeof proto !== 'object' && typeof proto !== 'function')) {
    Object.setPrototypeOf(instance, Class.prototype);
  }
}

function lengthOf(fn) {
  if (!Object.hasOwn(fn, 'length')) return 0;
  const length = fn.length;
  if (typeof length !== 'number') return 0;
  if (length === Infinity) return Infinity;
  if (length === -Infinity || Number.isNaN(length)) return 0;
  return Math.max(0, Math.trunc(length));
}

// Lengths, descriptors and tags as the spec gives them to builtins.
for (const [method, length] of [[Variable.prototype.run, 2], [Snapshot.prototype.run, 1], [Snapshot.wrap, 1]]) {
  Object.defineProperty(method, 'length', { value: length });
}
Object.defineProperty(Variable, 'length', { value: 1 });
Object.defineProperty(Snapshot, 'length', { value: 0 });
// Bundlers rename classes they hoist (esbuild: `class _Variable`).
Object.defineProperty(Variable, 'name', { value: 'Variable' });
Object.defineProperty(Snapshot, 'name', { value: 'Snapshot' });
const tag = (target, value) => Object.defineProperty(target, Symbol.toStringTag, { value, configurable: true });
tag(Variable.prototype, 'AsyncContext.Variable');
tag(Snapshot.prototype, 'AsyncContext.Snapshot');

export const AsyncContext = {};
for (const [name, value] of [['Variable', Variable], ['Snapshot', Snapshot]]) {
  Object.defineProperty(AsyncContext, name, { value, writable: true, configurable: true });
}
tag(AsyncContext, 'AsyncContext');

// globalThis.AsyncContext where the host has none, as a builtin would be.
export function installGlobal(global = globalThis) {
  if (global.AsyncContext === undefined) {
    Object.defineProperty(global, 'AsyncContext', { value: AsyncContext, writable: true, configurable: true });
  }
}
