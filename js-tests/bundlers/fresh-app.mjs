// The bundled fresh-realm cases (fresh-all.mjs), with one case more: that
// the bundle ran the modules in their import order, fresh/before-import.mjs
// before als-wasm. A bundler that runs a shared chunk (the package's) ahead
// of the entry's own code would load als-wasm first, and the cases about
// code loaded before it (engine-then, early-subclass) would test nothing.
import '../fresh/before-import.mjs';
import './module-order.mjs';
import '../suites/fresh-all.mjs';
