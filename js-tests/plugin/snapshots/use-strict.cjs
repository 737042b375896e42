'use strict';var { begin: __als_begin, suspend: __als_suspend, resumed: __als_resumed, done: __als_done } = require("als-wasm/plugin/runtime");
// A CommonJS script whose directive must stay first: `this` in a plain call
// is undefined only in strict code.
module.exports = async function main() {const __als_t = __als_begin(); try {
  const strict = (function () { return this; })() === undefined;
  return [__als_resumed(__als_t, await __als_suspend(__als_t, 'cjs')), strict];
} finally { __als_done(__als_t); }};
