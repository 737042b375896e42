// als-wasm with the patch carrier on any host (the browser path), also where
// the host could carry the context natively: for tests and for hosts that
// are not detected.
import './carrier/install.js';
export { AsyncLocalStorage, AsyncResource } from './api.js';
