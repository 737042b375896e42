// Libraries that read globalThis.AsyncLocalStorage once, when their module is
// evaluated (unenv's `globalThis.AsyncLocalStorage || fallback`), keep their
// own fallback for good if that happens before `import 'als-wasm/global'`,
// and nothing at run time can see such a read. So the plugin marks each such
// read in a package: right before the statement that reads, a note that the
// global was still missing then; als-wasm/global (global-check.js) prints
// what to do when it finds a note. Reads inside functions happen later (unctx
// reads at createContext) and are left alone, but for a function called
// where it is written. Not seen: a bare `AsyncLocalStorage` (the global as a
// name), and reads through an alias of the global object.
import MagicString from 'magic-string';
import { parseModule } from './transform.js';

export const EARLY_READS = 'als-wasm.early-reads';
const GLOBALS = new Set(['globalThis', 'self', 'window', 'global']);
const FUNCTIONS = new Set([
  'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression',
  'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod',
]);
// Run when an instance is made, not when the module is evaluated.
const INSTANCE_FIELDS = new Set(['ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty']);
const SKIP = new Set(['loc', 'extra', 'leadingComments', 'trailingComments', 'innerComments']);
const NAME = 'AsyncLocalStorage';

const isGlobal = (node) => node?.type === 'Identifier' && GLOBALS.has(node.name);
const named = (key, computed) =>
  (!computed && key.type === 'Identifier' && key.name === NAME) || (key.type === 'StringLiteral' && key.value === NAME);

// globalThis.AsyncLocalStorage, globalThis?.AsyncLocalStorage,
// globalThis['AsyncLocalStorage'], const { AsyncLocalStorage } = globalThis.
function readsGlobal(node) {
  if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
    return isGlobal(node.object) && named(node.property, node.computed);
  }
  if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && isGlobal(node.init)) {
    return node.id.properties.some((p) => p.type === 'ObjectProperty' && named(p.key, p.computed));
  }
  return false;
}

// A function called where it is written ((function () { … })(), UMD's and
// webpack's module wrappers) runs now.
const calledNow = (node) =>
  (node.type === 'CallExpression' || node.type === 'NewExpression') &&
  (node.callee.type === 'FunctionExpression' || node.callee.type === 'ArrowFunctionExpression');

// Whether `node` reads the global while the module is evaluated.
function readsAtEvaluation(node) {
  if (readsGlobal(node)) return true;
  if (calledNow(node)) return [node.callee.body, ...node.arguments].some((n) => n && readsAtEvaluation(n));
  if (FUNCTIONS.has(node.type) || (INSTANCE_FIELDS.has(node.type) && !node.static)) return false;
  for (const key of Object.keys(node)) {
    if (SKIP.has(key)) continue;
    const value = node[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) if (child && typeof child.type === 'string' && readsAtEvaluation(child)) return true;
  }
  return false;
}

// { code, map } with a note before each top-level statement of `code` that
// reads the global at evaluation, or null when there is none (or the code
// does not parse: the bundler reports that itself).
export function markGlobalReads(code, id, pkg) {
  if (!code.includes('AsyncLocalStorage')) return null;
  let program;
  try {
    program = parseModule(code, id).program;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  const statements = program.body.filter(readsAtEvaluation);
  if (statements.length === 0) return null;
  const key = `Symbol.for(${JSON.stringify(EARLY_READS)})`;
  const note = `if(globalThis.AsyncLocalStorage===void 0)(globalThis[${key}]||(globalThis[${key}]=[])).push(${JSON.stringify(pkg)});`;
  const s = new MagicString(code);
  for (const statement of statements) s.appendLeft(statement.start, note);
  return { code: s.toString(), map: s.generateMap({ source: id, hires: true, includeContent: true }) };
}
