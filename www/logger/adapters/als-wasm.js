// als-wasm as an app without a bundler loads it: the bare name, resolved by
// run.html's import map to /node_modules/als-wasm/index.js.
export { AsyncLocalStorage } from 'als-wasm';
