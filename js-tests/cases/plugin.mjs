// Cases for code rewritten by als-wasm/plugin (bundled test apps, ALS_PLUGIN=1):
// every await position keeps the store, and `await` keeps its semantics.
import { test } from '../harness.mjs';
import { plugin } from '../impl.mjs';

if (plugin) {
  test('plugin: placeholder', () => {});
}
