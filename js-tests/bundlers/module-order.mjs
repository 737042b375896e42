// See fresh-app.mjs. The engine's then is native code; the patch carrier's,
// which code loaded after als-wasm reads, is not.
import { test, ok } from '../support/harness.mjs';

test('bundle: fresh/before-import.mjs ran before als-wasm was loaded', () => {
  const then = globalThis.__engineThen;
  ok(typeof then === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(then)),
    `before-import.mjs kept a then that is not the engine's: ${String(then).slice(0, 60)}`);
});
