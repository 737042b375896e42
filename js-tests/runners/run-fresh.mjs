// Runs each case of a harness program in a new process (each-case.mjs):
//   node runners/run-fresh.mjs <program> [args...]
//   e.g. node runners/run-fresh.mjs deno run --allow-read --allow-env suites/fresh-all.mjs
// lists the cases (ALS_LIST=1), then runs each alone (ALS_CASE=<name>) in the
// environment it was given (ALS_ENTRY, ALS_IMPL, ALS_KNOWN, ...).
import { exec } from './exec.mjs';
import { knownFailures } from '../support/known-failures.mjs';
import { CASE_TIMEOUT_MS, eachCase, listedCases, resultOf } from './each-case.mjs';

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error('usage: node run-fresh.mjs <program> [args...]');
  process.exit(2);
}
const run = (env) => exec(program, args, { env, timeout: CASE_TIMEOUT_MS });
// A known failure may also fail by ending its process (an uncaught throw in a
// callback, where the harness cannot catch it): that too passes by failing.
const known = knownFailures(process.env.ALS_KNOWN);

try {
  const names = listedCases(await run({ ALS_LIST: '1' }));
  // Two at a time: two cores, and the cases time timers against each other.
  process.exitCode = await eachCase(
    names,
    async (name, log) => {
      const out = await run({ ALS_CASE: name }).catch((error) => {
        if (!known.has(name)) throw error;
        console.log(`known failure of this host (it ended the process): ${name}`);
        return 'RESULT {"passed":1,"failed":0}';
      });
      log(out);
      return resultOf(out);
    },
    2,
  );
} catch (e) {
  console.log(`FAIL listing the cases: ${e.message}`);
  console.log('RESULT {"passed":0,"failed":1}');
  process.exitCode = 1;
}
