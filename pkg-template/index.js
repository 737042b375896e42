// als-wasm for any host (the `browser` and `default` conditions): the wasm,
// then the carrier this host gets (any-host.js).
import './init.js';

export { AsyncLocalStorage, AsyncResource, carrier, engine } from './any-host.js';
