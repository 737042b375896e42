// What code rewritten by als-wasm/plugin imports on Node, Deno, Bun and
// workerd (a server-side bundle): there the native carrier follows every
// await, so the helpers change nothing.
import { catchOfAsIs, finallyOfAsIs, thenOfAsIs } from './reactions-as-is.js';
const same = (x) => x;

export const awaited = same;
export const resume = same;
export const iterated = same;
export const yielded = same;
// An async function's own record, and what it calls around its awaits.
export const begin = () => null;
export const suspend = (t, x) => x;
export const resumed = (t, value) => value;
export const caught = () => {};
export const done = () => {};
// x.then(…) -> thenOf(x).then(…), and so on (rewritten with the await hook off).
export const thenOf = thenOfAsIs;
export const catchOf = catchOfAsIs;
export const finallyOf = finallyOfAsIs;
