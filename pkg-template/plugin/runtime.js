// What code rewritten by als-wasm/plugin imports (transform.js), in a
// browser or any host the `browser`/`default` condition resolves to: hooks
// over the patch carrier's promise internals (carrier/plugin-hooks.js; only
// bundles with rewritten code carry them). Importing the package first
// installs the carrier of this realm; where it is native, the host carries
// every await itself and the helpers change nothing.
import '../index.js';
import { promiseInternals } from '../core/context.js';
import { pluginHooks } from '../carrier/plugin-hooks.js';
import { callbackAsIs, catchOfAsIs, finallyOfAsIs, thenOfAsIs } from './reactions-as-is.js';

const internals = promiseInternals();
const hooks = internals && pluginHooks(internals);
const same = (x) => x;

// Exported under the names the rewrite imports, bound under names no app
// uses: a bundler names the helper after its binding here, and renames an
// app's own local function of that name where the helper is called (an
// esbuild bundle turned a `function done() {}` beside a rewritten await
// into `done2`, and its `.name` with it).
const __alsRuntime_awaited = hooks?.awaited ?? same;
const __alsRuntime_resume = hooks?.resume ?? same;
const __alsRuntime_iterated = hooks?.iterated ?? same;
const __alsRuntime_yielded = hooks?.yielded ?? same;
const __alsRuntime_begin = hooks?.begin ?? (() => null);
const __alsRuntime_suspend = hooks?.suspend ?? ((t, x) => x);
const __alsRuntime_resumed = hooks?.resumed ?? ((t, value) => value);
const __alsRuntime_caught = hooks?.caught ?? (() => {});
const __alsRuntime_done = hooks?.done ?? (() => {});
// With the await hook off: x.then(…) -> thenOf(x).then(…), and so on;
// a?.b.then(f) -> a?.b.then(callback(f)).
const __alsRuntime_thenOf = hooks?.thenOf ?? thenOfAsIs;
const __alsRuntime_catchOf = hooks?.catchOf ?? catchOfAsIs;
const __alsRuntime_finallyOf = hooks?.finallyOf ?? finallyOfAsIs;
const __alsRuntime_callback = hooks?.callback ?? callbackAsIs;

export {
  __alsRuntime_awaited as awaited,
  __alsRuntime_resume as resume,
  __alsRuntime_iterated as iterated,
  __alsRuntime_yielded as yielded,
  __alsRuntime_begin as begin,
  __alsRuntime_suspend as suspend,
  __alsRuntime_resumed as resumed,
  __alsRuntime_caught as caught,
  __alsRuntime_done as done,
  __alsRuntime_thenOf as thenOf,
  __alsRuntime_catchOf as catchOf,
  __alsRuntime_finallyOf as finallyOf,
  __alsRuntime_callback as callback,
};
