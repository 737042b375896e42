// als-wasm on Cloudflare workerd (the `workerd` condition): the native
// carrier over workerd's own AsyncLocalStorage, which needs the `nodejs_als`
// or `nodejs_compat` compatibility flag.
import './init-workerd.js';
export { AsyncLocalStorage, AsyncResource, carrier } from './host.js';
export { engine } from './engine.js';
