'use strict'

// The same in a CommonJS script.
module.exports = async function main() {
  return [await 'cjs', (function () { return this })() === undefined]
}
