// `als-wasm/browser` on Node, Deno and Bun: the patch carrier forced, with
// the guards of server handlers (carrier/patched-servers.js) first.
import './carrier/patched-servers.js';

export { AsyncLocalStorage, AsyncResource, carrier, engine } from './browser.js';
