// `als-wasm/global` on workerd (see global.js).
import './workerd.js';
import { installGlobal } from './carrier/global.js';

installGlobal();
