// `als-wasm/sentry` in Node and Deno: over node.cjs, the instance that
// import and require('als-wasm') share (see sentry.js).
import als from './node.cjs';
import { strategyInstaller } from './sentry-strategy.js';

export const setAsyncLocalStorageAsyncContextStrategy = strategyInstaller(als.AsyncLocalStorage);
