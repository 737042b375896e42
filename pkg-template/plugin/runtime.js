// What code rewritten by als-wasm/plugin imports (transform.js), in a
// browser or any host the `browser`/`default` condition resolves to: the
// patch carrier's plugin hooks (carrier/plugin-hooks.js). Importing the
// package first installs the carrier of this realm; where it is native, the
// host carries every await itself and the helpers change nothing.
import '../index.js';
import { pluginHooks } from '../context.js';

const hooks = pluginHooks();
const same = (x) => x;

export const awaited = hooks?.awaited ?? same;
export const resume = hooks?.resume ?? same;
export const iterated = hooks?.iterated ?? same;
