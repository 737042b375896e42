// `als-wasm/async-context/browser`: AsyncContext with the patch carrier on
// any host, as `als-wasm/browser` gives AsyncLocalStorage (for tests, and for
// comparing carriers). It loads nothing of the host's Node layer: on Deno that
// would replace MessageChannel (docs/browser-carrier.md).
import '../browser.js';

export { AsyncContext } from './core.js';
