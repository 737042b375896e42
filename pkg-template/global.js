// `import 'als-wasm/global'`: globalThis.AsyncLocalStorage where the host has
// none (carrier/global.js).
import './index.js';
import { installGlobal } from './carrier/global.js';
import { warnEarlyReads } from './global-check.js';

installGlobal();
warnEarlyReads();
