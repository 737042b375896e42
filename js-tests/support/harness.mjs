// Tiny host-neutral test harness (Node, Deno, Bun, browsers). No dependencies.
import { knownFailures } from './known-failures.mjs';

const tests = [];

// test(name, fn, { fails }): `fails` marks a documented limit of the
// implementation under test (docs/browser-carrier.md): the test must fail there, as the
// names of ALS_KNOWN's list must (known-failures.mjs), so a change is noticed.
export function test(name, fn, { fails = false } = {}) {
  tests.push({ name, fn, fails });
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
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
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
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
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
  const pre = label ? `${label}: ` : '';
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

// A setting from the environment (Node, Deno, Bun) or, in a page, from the
// URL's query (`?case=`, `?list=1`); empty counts as unset.
const query = globalThis.document ? new URLSearchParams(globalThis.location.search) : null;
function setting(env, param) {
  return globalThis.process?.env?.[env] || globalThis.__alsTestEnv?.[env] || (param && query?.get(param)) || undefined;
}

// ALS_ONLY=propagation,host runs only the tests whose name starts with one of
// those groups (the part before ':'); ALS_CASE=<name> (?case=) only the test
// of that exact name, as the fresh-realm runners run each case alone.
function selected() {
  const only = setting('ALS_ONLY', 'only')?.split(',');
  const one = setting('ALS_CASE', 'case');
  return tests.filter(({ name }) => (!only || only.includes(name.split(':')[0])) && (!one || name === one));
}

// ALS_KNOWN=<key>: the tests that must fail in this suite (known-failures.mjs):
// a host's own ALS where it differs from Node 24, a carrier's documented
// difference. Such a test passes by failing, so a change is noticed.
function known() {
  return knownFailures(setting('ALS_KNOWN'));
}

export async function run() {
  // ALS_LIST=1 (?list=1): name the selected tests and run none, for the
  // fresh-realm runners (each-case.mjs), which then run each in a new realm.
  if (setting('ALS_LIST', 'list') === '1') {
    const names = selected().map(({ name }) => name);
    globalThis.__alsCases = names;
    console.log(`CASES ${JSON.stringify(names)}`);
    return { cases: names };
  }
  let passed = 0;
  let failed = 0;
  const knownNames = known();
  for (const { name, fn, fails } of selected()) {
    // { thrown } when the test failed (anything can be thrown, even undefined).
    let failure = null;
    try {
      await fn();
    } catch (thrown) {
      failure = { thrown };
    }
    if (knownNames.has(name) || fails) {
      // A known failure passes by failing; passing means the host changed.
      if (failure) {
        console.log(`known failure of this ${fails ? 'implementation' : 'host'}: ${name}: ${failure.thrown?.message}`);
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
