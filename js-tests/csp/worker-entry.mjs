// The dedicated worker of worker.html, bundled by build.mjs: every case of
// all.mjs inside a module worker whose own policy forbids WebAssembly. Its
// console lines and result go to the page.
import './worker-env.mjs';
import './events.mjs';
import '../suites/all.mjs';

postMessage({ result: globalThis.__alsResult });
