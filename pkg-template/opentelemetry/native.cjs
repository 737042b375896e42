// `als-wasm/opentelemetry` required on Bun: the manager over native.js, the
// very instance `require('als-wasm')` gives there (Bun requires ES modules
// synchronously), and over the API's CommonJS build, the copy the app's own
// require('@opentelemetry/api') holds.
const { diag, ROOT_CONTEXT } = require('@opentelemetry/api');
const { AsyncLocalStorage } = require('../native.js');
const { contextManagerOver } = require('./core.js');

exports.AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT });
