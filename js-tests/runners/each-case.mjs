// What the fresh-realm runners share (run-fresh.mjs for processes,
// run-browser.mjs and run-webdriver.mjs --fresh for pages): the harness lists
// the cases (ALS_LIST=1, ?list=1), then each runs alone in a new realm
// (ALS_CASE=<name>, ?case=), since a frame an earlier case left behind in a
// shared realm hides the root bugs these cases look for.

// A case still running after this counts as failed.
export const CASE_TIMEOUT_MS = 30_000;

// `url` with one more query parameter (`name=value`).
export const withQuery = (url, param) => `${url}${url.includes('?') ? '&' : '?'}${param}`;

// The names in a harness's `CASES [...]` line.
export function listedCases(out) {
  const line = out.split('\n').find((l) => l.startsWith('CASES '));
  if (!line) throw new Error(`the listing printed no CASES line:\n${out}`);
  return JSON.parse(line.slice('CASES '.length));
}

// The last `RESULT {...}` line of a harness's output, or null.
export function resultOf(out) {
  const line = out.split('\n').findLast((l) => l.startsWith('RESULT '));
  return line ? JSON.parse(line.slice('RESULT '.length)) : null;
}

// Runs runCase(name, log) for each name, `parallel` at a time; it answers the
// case's { passed, failed } or throws, and hands log() the case's output.
// Prints each failing case's output, then a RESULT line summing the cases
// (an empty list fails); answers the exit code.
export async function eachCase(names, runCase, parallel = 1) {
  const total = await casesTotal(names, runCase, parallel);
  console.log(`RESULT ${JSON.stringify(total)}`);
  return total.failed === 0 ? 0 : 1;
}

// Several pages one after the other (the browser runners' --page= given more
// than once): counts(page) answers each one's { passed, failed }; with more
// than one page, a PAGE line each; then one RESULT line summing them.
// Answers the exit code.
export async function eachPage(pages, counts) {
  const total = { passed: 0, failed: 0 };
  for (const page of pages) {
    const { passed, failed } = await counts(page);
    if (pages.length > 1) console.log(`PAGE ${page}: ${passed} passed, ${failed} failed`);
    total.passed += passed;
    total.failed += failed;
  }
  console.log(`RESULT ${JSON.stringify(total)}`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

// eachCase without its RESULT line: answers the sum.
export async function casesTotal(names, runCase, parallel = 1) {
  const total = { passed: 0, failed: 0 };
  if (names.length === 0) {
    console.log('FAIL the harness listed no cases');
    total.failed++;
  }
  const queue = [...new Set(names)];
  const worker = async () => {
    for (let name; (name = queue.shift()) !== undefined; ) {
      const lines = [];
      let result = null;
      try {
        result = await runCase(name, (line) => lines.push(line));
      } catch (e) {
        lines.push(e?.message ?? String(e));
      }
      // A case that reported nothing, ran no test or failed counts as (at least) one failure.
      const ok = result?.failed === 0 && result.passed > 0;
      total.passed += result?.passed ?? 0;
      total.failed += ok ? 0 : Math.max(1, result?.failed ?? 0);
      if (ok) continue;
      if (result && !result.passed && !result.failed) lines.push('(the case ran no test)');
      console.log(`FAIL in a fresh realm: ${name}\n  ${lines.join('\n').trim().split('\n').join('\n  ')}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return total;
}
