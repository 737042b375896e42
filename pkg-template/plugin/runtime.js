// What code rewritten by als-wasm/plugin imports (transform.js), in a
// browser or any host the `browser`/`default` condition resolves to: hooks
// over the patch carrier's promise internals (carrier/plugin-hooks.js; only
// bundles with rewritten code carry them). Importing the package first
// installs the carrier of this realm; where it is native, the host carries
// every await itself and the helpers change nothing.
import '../index.js';
import { promiseInternals } from '../core/context.js';
import { pluginHooks } from '../carrier/plugin-hooks.js';
import { catchOfAsIs, finallyOfAsIs, thenOfAsIs } from './reactions-as-is.js';

const internals = promiseInternals();
const hooks = internals && pluginHooks(internals);
const same = (x) => x;

export const awaited = hooks?.awaited ?? same;
export const resume = hooks?.resume ?? same;
export const iterated = hooks?.iterated ?? same;
export const yielded = hooks?.yielded ?? same;
export const begin = hooks?.begin ?? (() => null);
export const suspend = hooks?.suspend ?? ((t, x) => x);
export const resumed = hooks?.resumed ?? ((t, value) => value);
export const caught = hooks?.caught ?? (() => {});
export const done = hooks?.done ?? (() => {});
// With the await hook off: x.then(…) -> thenOf(x).then(…), and so on.
export const thenOf = hooks?.thenOf ?? thenOfAsIs;
export const catchOf = hooks?.catchOf ?? catchOfAsIs;
export const finallyOf = hooks?.finallyOf ?? finallyOfAsIs;
