// `import 'als-wasm/csp'`, before any other import, where a Content-Security-
// Policy forbids compiling WebAssembly (script-src without 'wasm-unsafe-eval':
// Manifest V3 extensions, strict sites, Electron renderers): the same Rust
// compiled to JavaScript, then everything 'als-wasm' exports. Entries
// imported after it (opentelemetry, async-context, global) find the engine
// started. Also a drop-in for `node:async_hooks`, as async_hooks.js is.
import './init-js.js';
import { AsyncLocalStorage, AsyncResource } from './any-host.js';

export { AsyncLocalStorage, AsyncResource, carrier, engine } from './any-host.js';
export default { AsyncLocalStorage, AsyncResource };
