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
// With the await hook off: x.then(…) -> thenOf(x).then(…) gets the receiver
// as it is; super.then(…) -> thenOf(this, super.then).then(…) the method
// read there, called on this (counted as `reactions`).
const reacting = (name) =>
  function (x, read) {
    globalThis.__alsPluginCalls.reactions = (globalThis.__alsPluginCalls.reactions ?? 0) + 1;
    if (arguments.length < 2) return x;
    return { [name]: (...args) => Reflect.apply(read, x, args) };
  };
exports.thenOf = reacting('then');
exports.catchOf = reacting('catch');
exports.finallyOf = reacting('finally');
