var { begin: __als_begin, suspend: __als_suspend, resumed: __als_resumed, done: __als_done } = require("als-wasm/plugin/runtime");// A CommonJS script: the helpers come from require(), not import.
const { promisify } = require('node:util');

const sleep = promisify(setTimeout);

module.exports = async function main() {const __als_t = __als_begin(); try {
  __als_resumed(__als_t, await __als_suspend(__als_t, sleep(1)));
  return __als_resumed(__als_t, await __als_suspend(__als_t, 'cjs'));
} finally { __als_done(__als_t); }};
