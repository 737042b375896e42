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
