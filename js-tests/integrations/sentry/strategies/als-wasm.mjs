// The build with als-wasm: Sentry's scopes ride als-wasm's AsyncLocalStorage
// (the one line of glue a user adds).
import { setAsyncLocalStorageAsyncContextStrategy } from 'als-wasm/sentry';

export const install = setAsyncLocalStorageAsyncContextStrategy;
