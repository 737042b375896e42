'use strict';var { begin: __als_begin, suspend: __als_suspend, resumed: __als_resumed, done: __als_done } = require("als-wasm/plugin/runtime");

// The same in a CommonJS script.
module.exports = async function main() {const __als_t = __als_begin(); try {
  return [__als_resumed(__als_t, await __als_suspend(__als_t, 'cjs')), (function () { return this })() === undefined]
} finally { __als_done(__als_t); }}
