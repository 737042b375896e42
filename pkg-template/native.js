// als-wasm on Bun (the `bun` condition; Node and Deno take node.cjs, whose
// source this is): the native carrier, and no patch carrier in the bundle.
import './init.js';
export { AsyncLocalStorage, AsyncResource, carrier } from './host.js';
export { engine } from './engine.js';
