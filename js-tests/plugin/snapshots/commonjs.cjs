var { awaited: __als_awaited, resume: __als_resume } = require("als-wasm/plugin/runtime");// A CommonJS script: the helpers come from require(), not import.
const { promisify } = require('node:util');

const sleep = promisify(setTimeout);

module.exports = async function main() {
  __als_resume(await __als_awaited( sleep(1)));
  return __als_resume(await __als_awaited( 'cjs'));
};
