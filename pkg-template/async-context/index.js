// `als-wasm/async-context` in browsers and any host the `browser`/`default`
// condition reaches: the package's own entry installs the realm's carrier
// (the host's AsyncLocalStorage or AsyncContext where it has one, else the
// patch carrier), then AsyncContext over the same frames (core.js).
import '../index.js';

export { AsyncContext } from './core.js';
