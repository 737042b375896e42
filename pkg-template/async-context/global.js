// `import 'als-wasm/async-context/global'`: globalThis.AsyncContext where the
// host has none (a host's own is never replaced); the same per host as
// `als-wasm/async-context` (global.node.mjs, global.native.js, global.workerd.js).
import { AsyncContext } from './index.js';
import { installGlobal } from './core.js';

installGlobal();
export { AsyncContext };
