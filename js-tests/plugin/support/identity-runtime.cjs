// What rewritten code imports when the tests run it: the helpers as
// identities (so the rewrite must not change any result), counting calls.
const count = (name) => (value) => {
  globalThis.__alsPluginCalls[name]++;
  return value;
};

exports.awaited = count('awaited');
exports.resume = count('resume');
exports.iterated = count('iterated');
