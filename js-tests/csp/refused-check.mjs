// Imports refused.js (refused-entry.mjs) and answers the failures: it must
// throw als-wasm's error, naming the policy's fix and the entry to use.
export async function checkRefused() {
  try {
    const { engine } = await import('./refused.js');
    return [`the default entry loaded with engine ${engine}: this realm does not refuse WebAssembly`];
  } catch (error) {
    const failures = [];
    if (error?.code !== 'ERR_ALS_WASM_REFUSED') failures.push(`expected code ERR_ALS_WASM_REFUSED, got ${error?.code}: ${error?.stack ?? error}`);
    for (const needed of ["'wasm-unsafe-eval'", "import 'als-wasm/csp'", 'Content-Security-Policy']) {
      if (!String(error?.message).includes(needed)) failures.push(`the message does not name ${needed}: ${error?.message}`);
    }
    if (!error?.cause) failures.push('the error has no cause (the engine\'s own error)');
    return failures;
  }
}
