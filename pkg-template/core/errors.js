// Node's error messages for bad input, built here rather than in Rust: Rust's
// string formatting would be most of the wasm. The Rust core decides when to
// throw (src/exports/errors.rs); this only words the error as Node does.

// Text as it was when it went through a Rust String: lone surrogates become
// U+FFFD, as TextEncoder makes them.
const wellFormed = (text) => text.replace(/\p{Cs}/gu, '\uFFFD');

// `String(value)`, which (unlike a template literal) does not throw for
// symbols; a `toString` that throws gives an empty text.
function display(value) {
  try {
    return wellFormed(String(value));
  } catch {
    return '';
  }
}

// A property read that answers undefined instead of throwing.
function read(object, key) {
  try {
    return Reflect.get(object, key);
  } catch {
    return undefined;
  }
}

// `'abc'`, or JSON's quotes when the text has a single quote; cut after 25
// characters (code points) when longer than 28.
function quoted(string) {
  const chars = [...wellFormed(string)];
  const shown = chars.length > 28 ? `${chars.slice(0, 25).join('')}...` : chars.join('');
  return shown.includes("'") ? JSON.stringify(shown) : `'${shown}'`;
}

// Node's `determineSpecificType`: how the received value is named.
function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return `type number (${Object.is(value, -0) ? '-0' : String(value)})`;
  if (typeof value === 'boolean') return `type boolean (${value})`;
  if (typeof value === 'string') return `type string (${quoted(value)})`;
  if (typeof value === 'bigint') return `type bigint (${display(value)}n)`;
  if (typeof value === 'symbol') return `type symbol (${display(value)})`;
  if (typeof value === 'function') {
    const name = read(value, 'name');
    return `function ${typeof name === 'string' ? wellFormed(name) : ''}`;
  }
  const constructor = read(value, 'constructor');
  const name = typeof constructor === 'function' ? read(constructor, 'name') : undefined;
  return typeof name === 'string' ? `an instance of ${wellFormed(name)}` : '[Object: null prototype]';
}

function withCode(error, code) {
  error.code = code;
  return error;
}

// `TypeError [ERR_INVALID_ARG_TYPE]`.
export function invalidArgType(name, expected, actual) {
  const message = `The "${name}" argument must be of type ${expected}. Received ${describe(actual)}`;
  return withCode(new TypeError(message), 'ERR_INVALID_ARG_TYPE');
}

// `RangeError [ERR_INVALID_ASYNC_ID]`.
export function invalidAsyncId(name, actual) {
  return withCode(new RangeError(`Invalid ${name} value: ${display(actual)}`), 'ERR_INVALID_ASYNC_ID');
}

// `Error [ERR_METHOD_NOT_IMPLEMENTED]` (Node's code for a method a class does
// not provide), for enterWith/withScope outside every run() on a host whose
// carrier can only scope a store to a callback (context.js, carryInScopes).
export function noScopeOutsideRun(method) {
  const message = `AsyncLocalStorage.${method}() needs an enclosing run() on this host (workerd, AsyncContext): ` +
    'outside every run() the store would reach every other task. Use storage.run(store, callback)';
  return withCode(new Error(message), 'ERR_METHOD_NOT_IMPLEMENTED');
}
