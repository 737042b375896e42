// A CommonJS script: the helpers come from require(), not import.
const { promisify } = require('node:util');

const sleep = promisify(setTimeout);

module.exports = async function main() {
  await sleep(1);
  return await 'cjs';
};
