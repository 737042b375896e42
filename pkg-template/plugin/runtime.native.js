// What code rewritten by als-wasm/plugin imports on Node, Deno, Bun and
// workerd (a server-side bundle): there the native carrier follows every
// await, so the helpers change nothing.
import { callbackAsIs, catchOfAsIs, finallyOfAsIs, thenOfAsIs } from './reactions-as-is.js';
// Bound under names no app uses (runtime.js says why).
const __alsRuntime_same = (x) => x;
// An async function's own record, and what it calls around its awaits.
const __alsRuntime_begin = () => null;
const __alsRuntime_suspend = (t, x) => x;
const __alsRuntime_resumed = (t, value) => value;
const __alsRuntime_nothing = () => {};

export {
  __alsRuntime_same as awaited,
  __alsRuntime_same as resume,
  __alsRuntime_same as iterated,
  __alsRuntime_same as yielded,
  __alsRuntime_begin as begin,
  __alsRuntime_suspend as suspend,
  __alsRuntime_resumed as resumed,
  __alsRuntime_nothing as caught,
  __alsRuntime_nothing as done,
  // x.then(…) -> thenOf(x).then(…), and so on (rewritten with the await hook off).
  thenOfAsIs as thenOf,
  catchOfAsIs as catchOf,
  finallyOfAsIs as finallyOf,
  callbackAsIs as callback,
};
