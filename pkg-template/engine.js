// Which engine runs the package's Rust in this realm: 'wasm', or 'js' where
// als-wasm/csp ran the same Rust compiled to JavaScript (wasm2js) because
// the page's policy forbids compiling WebAssembly. The first entry to start
// an engine decides (init.js, init-js.js, init-workerd.js); the others find
// it started and start nothing.
export let engine = null;

export function start(name, init) {
  if (engine !== null) return;
  init();
  engine = name;
}
