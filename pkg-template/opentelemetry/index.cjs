// `als-wasm/opentelemetry` required in bundlers (the `browser`/`default`
// condition; bundlers require ES modules): the manager over index.js, the
// instance import gets, and over the API's CommonJS build, the copy the
// app's require('@opentelemetry/api') holds.
const { diag, ROOT_CONTEXT } = require('@opentelemetry/api');
const { AsyncLocalStorage } = require('../index.js');
const { contextManagerOver } = require('./core.js');

exports.AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT });
