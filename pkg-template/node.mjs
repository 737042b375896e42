// `als-wasm` imported in Node and Deno: node.cjs itself, so that import and
// require() share one instance (one wasm module, one set of contexts).
import als from './node.cjs';

export const { AsyncLocalStorage, AsyncResource, carrier, engine } = als;
