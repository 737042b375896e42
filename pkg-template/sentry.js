// `als-wasm/sentry` in browsers and any host the `browser`/`default`
// condition reaches: Sentry's scopes over the package's own entry (the
// host's storage where it has one, else the patch carrier).
import { AsyncLocalStorage } from './index.js';
import { strategyInstaller } from './sentry-strategy.js';

export const setAsyncLocalStorageAsyncContextStrategy = strategyInstaller(AsyncLocalStorage);
