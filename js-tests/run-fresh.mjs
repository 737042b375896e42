// Runs each case of a harness program in a new process (each-case.mjs):
//   node run-fresh.mjs <program> [args...]
//   e.g. node run-fresh.mjs deno run --allow-read --allow-env fresh-all.mjs
// lists the cases (ALS_LIST=1), then runs each alone (ALS_CASE=<name>) in the
// environment it was given (ALS_ENTRY, ALS_IMPL, ALS_KNOWN_FAILURES, ...).
import { exec } from './exec.mjs';
import { CASE_TIMEOUT_MS, eachCase, listedCases, resultOf } from './each-case.mjs';

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error('usage: node run-fresh.mjs <program> [args...]');
  process.exit(2);
}
const run = (env) => exec(program, args, { env, timeout: CASE_TIMEOUT_MS });

try {
  const names = listedCases(await run({ ALS_LIST: '1' }));
  // Two at a time: two cores, and the cases time timers against each other.
  process.exitCode = await eachCase(
    names,
    async (name, log) => {
      const out = await run({ ALS_CASE: name });
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
