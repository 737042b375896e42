// `als-wasm/global` on Bun (see global.js).
import './native.js';
import { installGlobal } from './carrier/global.js';
import { warnEarlyReads } from './global-check.js';

installGlobal();
warnEarlyReads();
