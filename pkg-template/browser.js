// als-wasm with the patch carrier on any host, also where the host could
// carry the context natively: for tests, and for comparing carriers.
import './init.js';
import { installPatchCarrier } from './carrier/install.js';

export const carrier = installPatchCarrier();
export { AsyncLocalStorage, AsyncResource } from './core/api.js';
export { engine } from './engine.js';
