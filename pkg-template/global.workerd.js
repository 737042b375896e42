// `als-wasm/global` on workerd (see global.js).
import './workerd.js';
import { installGlobal } from './carrier/global.js';
import { warnEarlyReads } from './global-check.js';

installGlobal();
warnEarlyReads();
