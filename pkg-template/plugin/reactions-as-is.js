// thenOf, catchOf, finallyOf and callback (code rewritten with the await hook off
// calls them, carrier/plugin-hooks.js) where nothing needs hooking (the
// host carries every callback itself): the receiver as it is, or for
// `super.then(…)` (thenOf(this, super.then)) the method read there, called
// on this, since this.then may be the very method that calls super's.
function asIs(wrap) {
  return function (x, read) {
    if (arguments.length < 2) return x;
    return wrap(typeof read === 'function' ? (...args) => Reflect.apply(read, x, args) : read);
  };
}

export const thenOfAsIs = asIs((then) => ({ then }));
export const catchOfAsIs = asIs((c) => ({ catch: c }));
export const finallyOfAsIs = asIs((f) => ({ finally: f }));
export const callbackAsIs = (fn) => fn;
