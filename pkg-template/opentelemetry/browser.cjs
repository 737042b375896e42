// `als-wasm/opentelemetry/browser` required on Bun and in bundlers (which
// require ES modules): the manager over browser.js, the instance import gets,
// and over the API's CommonJS build, the copy the app's require() holds.
// Node and Deno take browser.node.cjs, this manager bundled by xtask.
const { diag, ROOT_CONTEXT } = require('@opentelemetry/api');
const { AsyncLocalStorage } = require('../browser.js');
const { contextManagerOver } = require('./core.js');

exports.AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT });
