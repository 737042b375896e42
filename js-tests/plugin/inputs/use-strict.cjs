'use strict';
// A CommonJS script whose directive must stay first: `this` in a plain call
// is undefined only in strict code.
module.exports = async function main() {
  const strict = (function () { return this; })() === undefined;
  return [await 'cjs', strict];
};
