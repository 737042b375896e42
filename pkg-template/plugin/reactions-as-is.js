// What `x.then(…)`, `x.catch(…)` and `x.finally(…)` become once rewritten
// with the await hook off, `thenOf(x).then(…)` and so on: `calling[name]`
// is the object whose method `name` calls `method` on x, as the call would
// (anything but a function as it is, for the call to throw as it would, or
// for `?.()` to end there). carrier/plugin-hooks.js makes the helpers that
// run the carrier's methods with it; here, the helpers where nothing needs
// hooking (the host carries every callback itself): the receiver as it is,
// or for `super.then(…)` (thenOf(this, super.then)) the method read there,
// called on this, since this.then may be the very method that calls super's.
const bound = (x, method) => (typeof method === 'function' ? (...args) => Reflect.apply(method, x, args) : method);

// Each a literal of its own: an object made with a computed key is slower to make.
export const calling = {
  then: (x, method) => ({ then: bound(x, method) }),
  catch: (x, method) => ({ catch: bound(x, method) }),
  finally: (x, method) => ({ finally: bound(x, method) }),
};

function asIs(name) {
  const call = calling[name];
  return function (x, read) {
    if (arguments.length < 2) return x;
    return call(x, read);
  };
}

export const thenOfAsIs = asIs('then');
export const catchOfAsIs = asIs('catch');
export const finallyOfAsIs = asIs('finally');
export const callbackAsIs = (fn) => fn;
