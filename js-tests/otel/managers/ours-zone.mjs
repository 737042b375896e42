// The context manager of the "ours with zone.js" pages: zone.js first, as an
// Angular app loads it among its polyfills, then als-wasm's manager. The
// carrier follows zone.js's ZoneAwarePromise (carrier/replaced-promise.js).
import 'zone.js';
import { AsyncLocalStorageContextManager } from 'als-wasm/opentelemetry';

export const contextManager = new AsyncLocalStorageContextManager();
