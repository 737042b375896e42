// `als-wasm/global` in Node and Deno, imported or required: installs node.cjs's class
// where globalThis has none (the rule of carrier/global.js).
const { AsyncLocalStorage } = require('./node.cjs');

if (globalThis.AsyncLocalStorage === undefined) {
  Object.defineProperty(globalThis, 'AsyncLocalStorage', {
    value: AsyncLocalStorage, writable: true, configurable: true, enumerable: false,
  });
}
