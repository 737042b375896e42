// `als-wasm/sentry` on Bun (see sentry.js).
import { AsyncLocalStorage } from './native.js';
import { strategyInstaller } from './sentry-strategy.js';

export const setAsyncLocalStorageAsyncContextStrategy = strategyInstaller(AsyncLocalStorage);
