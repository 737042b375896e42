// `als-wasm/sentry` on workerd (see sentry.js).
import { AsyncLocalStorage } from './workerd.js';
import { strategyInstaller } from './sentry-strategy.js';

export const setAsyncLocalStorageAsyncContextStrategy = strategyInstaller(AsyncLocalStorage);
