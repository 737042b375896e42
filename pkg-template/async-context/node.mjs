// `als-wasm/async-context` on Node and Deno (see index.js): the carrier of
// the package's Node build.
import '../node.mjs';

export { AsyncContext } from './core.js';
