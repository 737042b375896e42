// The reference side of the differential test (run.mjs): in Node 24, with
// node:async_hooks' own AsyncLocalStorage, imports each program file named
// on the command line in turn (each has its own storages, and main() waits
// for everything it started, so that they can share a process), runs its
// main() and prints one line per program:
//   PROGRAM {"file":…,"log":[[label, a, b, c], …]}  or  {"file":…,"error":…}
import { pathToFileURL } from 'node:url';

const TIMEOUT_MS = 10_000;
let unhandled = null;
process.on('unhandledRejection', (reason) => {
  unhandled = `unhandled rejection: ${reason?.stack ?? reason}`;
});

for (const file of process.argv.slice(2)) {
  unhandled = null;
  let line;
  try {
    const { main } = await import(pathToFileURL(file).href);
    const log = [];
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`main() did not settle in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    await Promise.race([main(log), timeout]);
    clearTimeout(timer);
    // A rejection reported a turn late is still this program's.
    await new Promise((resolve) => setTimeout(resolve, 0));
    line = unhandled ? { file, error: unhandled } : { file, log };
  } catch (e) {
    line = { file, error: String(e?.stack ?? e) };
  }
  console.log(`PROGRAM ${JSON.stringify(line)}`);
}
