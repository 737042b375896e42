// Tiny host-neutral test harness (Node, Deno, Bun, browsers). No dependencies.
const tests = [];

export function test(name, fn) {
  tests.push({ name, fn });
}

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol' || typeof v === 'function') return String(v);
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s;
  } catch {
    return String(v);
  }
}

export function ok(value, message) {
  if (!value) throw new AssertionError(message ?? `expected truthy, got ${show(value)}`);
}

export function equal(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

function deepEq(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEq(a[k], b[k]));
}

export function deepEqual(actual, expected, message) {
  if (!deepEq(actual, expected)) {
    throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

// throws(fn, { name, code, message }): fn must throw; each given field must
// match (message may be a string or a RegExp). Returns the thrown value.
export function throws(fn, expected = {}, label) {
  let thrown = false;
  let error;
  try {
    fn();
  } catch (e) {
    thrown = true;
    error = e;
  }
  const pre = label ? label + ': ' : '';
  if (!thrown) throw new AssertionError(`${pre}expected an exception, none was thrown`);
  if (expected.name !== undefined && error?.name !== expected.name) {
    throw new AssertionError(`${pre}expected ${expected.name}, got ${error?.name}: ${error?.message ?? show(error)}`);
  }
  if (expected.code !== undefined && error?.code !== expected.code) {
    throw new AssertionError(`${pre}expected code ${expected.code}, got ${show(error?.code)} (${error?.name}: ${error?.message})`);
  }
  if (expected.message !== undefined) {
    const m = error?.message;
    const good = expected.message instanceof RegExp ? expected.message.test(m) : m === expected.message;
    if (!good) throw new AssertionError(`${pre}expected message ${show(String(expected.message))}, got ${show(m)}`);
  }
  return error;
}

// ALS_ONLY=propagation,host runs only the tests whose name starts with one of
// those groups (the part before ':').
function selected() {
  const only = globalThis.process?.env?.ALS_ONLY;
  if (!only) return tests;
  const groups = only.split(',');
  return tests.filter(({ name }) => groups.includes(name.split(':')[0]));
}

// ALS_KNOWN_FAILURES: names of tests that must fail (separated by '|'), for
// a host's own AsyncLocalStorage where it differs from Node 24. Such a test
// passes by failing, so a host that changes is noticed.
function knownFailures() {
  const known = globalThis.process?.env?.ALS_KNOWN_FAILURES;
  return new Set(known ? known.split('|') : []);
}

export async function run() {
  let passed = 0;
  let failed = 0;
  const known = knownFailures();
  for (const { name, fn } of selected()) {
    // { thrown } when the test failed (anything can be thrown, even undefined).
    let failure = null;
    try {
      await fn();
    } catch (thrown) {
      failure = { thrown };
    }
    if (known.has(name)) {
      // A known failure passes by failing; passing means the host changed.
      if (failure) {
        console.log(`known failure of this host: ${name}: ${failure.thrown?.message}`);
        passed++;
        continue;
      }
      failure = { thrown: new AssertionError('listed as a known failure of this host, but passed') };
    }
    if (!failure) {
      passed++;
      continue;
    }
    failed++;
    const e = failure.thrown;
    const detail = e instanceof Error ? (e.stack && !e.stack.includes(e.message) ? `${e.name}: ${e.message}\n${e.stack}` : e.stack ?? `${e.name}: ${e.message}`) : show(e);
    console.log(`FAIL ${name}\n  ${String(detail).split('\n').join('\n  ')}`);
  }
  const result = { passed, failed };
  globalThis.__alsResult = result;
  console.log(`RESULT ${JSON.stringify(result)}`);
  if (failed > 0) {
    if (globalThis.Deno) globalThis.Deno.exitCode = 1;
    else if (globalThis.process) globalThis.process.exitCode = 1;
  }
  return result;
}
