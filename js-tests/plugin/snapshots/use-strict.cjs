'use strict';var { awaited: __als_awaited, resume: __als_resume } = require("als-wasm/plugin/runtime");
// A CommonJS script whose directive must stay first: `this` in a plain call
// is undefined only in strict code.
module.exports = async function main() {
  const strict = (function () { return this; })() === undefined;
  return [__als_resume(await __als_awaited( 'cjs')), strict];
};
