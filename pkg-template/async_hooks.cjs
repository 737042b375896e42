// `als-wasm/async_hooks` required in Node and Deno (see async_hooks.js).
const { AsyncLocalStorage, AsyncResource } = require('./node.cjs');

module.exports = { AsyncLocalStorage, AsyncResource };
