// What rewritten code imports when the tests run it: the helpers as
// identities (so the rewrite must not change any result), counting calls.
const count = (name) => (value) => {
  globalThis.__alsPluginCalls[name]++;
  return value;
};

exports.awaited = count('awaited');
exports.resume = count('resume');
exports.iterated = count('iterated');
exports.yielded = count('yielded');
// An async function's own awaits: suspend and resumed are its awaited and
// resume (counted as those, once per await reached); its record is none.
exports.begin = () => null;
exports.suspend = (t, value) => count('awaited')(value);
exports.resumed = (t, value) => count('resume')(value);
exports.caught = () => {};
exports.done = () => {};
// With the await hook off: x.then(…) -> thenOf(x).then(…) reads x's then
// once and answers an object whose then calls it on x (a helper used for
// another method's call answers none: the call throws);
// super.then(…) -> thenOf(this, super.then).then(…) calls the method read
// there; a?.b.then(f) -> a?.b.then(callback(f)) gets f back. Counted as
// `reactions` and `callbacks`.
const counted = (name) => {
  globalThis.__alsPluginCalls[name] = (globalThis.__alsPluginCalls[name] ?? 0) + 1;
};
const reacting = (name) =>
  function (x, read) {
    counted('reactions');
    let method = read;
    if (arguments.length < 2) {
      if (x === null || x === undefined) return x;
      method = x[name];
    }
    return { [name]: typeof method === 'function' ? (...args) => Reflect.apply(method, x, args) : method };
  };
exports.thenOf = reacting('then');
exports.catchOf = reacting('catch');
exports.finallyOf = reacting('finally');
exports.callback = (fn) => {
  counted('callbacks');
  return fn;
};
