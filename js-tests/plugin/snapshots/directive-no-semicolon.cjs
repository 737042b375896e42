'use strict';var { awaited: __als_awaited, resume: __als_resume } = require("als-wasm/plugin/runtime");

// The same in a CommonJS script.
module.exports = async function main() {
  return [__als_resume(await __als_awaited( 'cjs')), (function () { return this })() === undefined]
}
