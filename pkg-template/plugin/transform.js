// The rewrite als-wasm/plugin applies to one module (README, "Exact in
// browsers: the bundler plugin"). Parsed with Babel's parser (JS, JSX and
// TypeScript: esbuild hands plugins the source before it compiles it), edited
// with magic-string so that a source map comes out; only these change:
//   await x                   ->  __als_resume(await __als_awaited( x))
//   for await (… of y)        ->  for await (… of __als_iterated((y)))
//   yield* y (async generator) ->  yield* __als_iterated((y))
// plus one import of the helpers (a require() in a CommonJS file), on the
// first line so that no line moves. A module with nothing to rewrite comes
// back as null: byte-identical.
import { parse } from '@babel/parser';
import MagicString from 'magic-string';

export const RUNTIME = 'als-wasm/plugin/runtime';

const FUNCTIONS = new Set([
  'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression',
  'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod',
]);
// Keys of Babel's nodes that hold no code.
const SKIP = new Set(['loc', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'typeAnnotation', 'returnType', 'typeParameters']);

// Babel's language plugins for a module id (its query stripped, unless the
// query names the language, as Vite's `?lang.ts` does).
function languagePlugins(id) {
  const ext = /\.([cm]?[jt]sx?)(?:$|[?#])/.exec(id.replace(/^.*[?&]lang\./, 'x.'))?.[1] ?? 'js';
  const common = ['decorators-legacy', 'explicitResourceManagement', 'importAttributes'];
  if (ext.endsWith('tsx')) return ['typescript', 'jsx', ...common];
  if (ext.endsWith('ts')) return ['typescript', ...common];
  return ['jsx', ...common];
}

export function parseModule(code, id) {
  return parse(code, {
    sourceType: 'unambiguous',
    sourceFilename: id,
    allowAwaitOutsideFunction: true,
    allowReturnOutsideFunction: true,
    allowImportExportEverywhere: false,
    plugins: languagePlugins(id),
  });
}

// Where the code has nothing that the rewrite could touch.
export function untouched(code) {
  return !code.includes('await') && !code.includes('yield');
}

// { code, map } for `code`, or null when nothing needs rewriting. Throws
// Babel's SyntaxError (with `loc` and `pos`) on code it cannot parse.
export function transformAwaits(code, id, { runtime = RUNTIME } = {}) {
  // Nothing to rewrite, or rewritten already (a second pass would be right,
  // only slower).
  if (untouched(code) || code.includes(JSON.stringify(runtime))) return null;
  const ast = parseModule(code, id);
  const sites = findSites(ast.program);
  if (sites.length === 0) return null;

  const names = helperNames(code);
  const s = new MagicString(code);
  for (const site of sites) {
    if (site.kind === 'await') {
      s.overwrite(site.node.start, site.node.start + 'await'.length, `${names.resume}(await ${names.awaited}(`);
      s.appendLeft(site.node.end, '))');
    } else {
      s.appendLeft(site.node.start, `${names.iterated}((`);
      s.appendLeft(site.node.end, '))');
    }
  }
  s.appendLeft(preambleAt(ast), preamble(ast, names, runtime));
  return { code: s.toString(), map: s.generateMap({ source: id, hires: true, includeContent: true }) };
}

// Every await, for-await operand and async yield* operand, innermost first
// (so that closing parentheses at one offset nest).
function findSites(program) {
  const sites = [];
  const functions = [];
  walk(program, (node) => {
    if (FUNCTIONS.has(node.type)) functions.push(node);
  }, (node) => {
    if (FUNCTIONS.has(node.type)) functions.pop();
    if (node.type === 'AwaitExpression') sites.push({ kind: 'await', node });
    else if (node.type === 'ForOfStatement' && node.await) sites.push({ kind: 'iterate', node: node.right });
    else if (node.type === 'YieldExpression' && node.delegate) {
      const fn = functions.at(-1);
      if (fn?.async && fn.generator) sites.push({ kind: 'iterate', node: node.argument });
    }
  });
  return sites;
}

// Depth first: enter(node) before its children (false skips them), leave after.
function walk(node, enter, leave) {
  if (enter(node) === false) return;
  for (const key of Object.keys(node)) {
    if (SKIP.has(key)) continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walk(child, enter, leave);
    } else if (value && typeof value.type === 'string') {
      walk(value, enter, leave);
    }
  }
  leave?.(node);
}

// Local names for the helpers that the module does not use already.
function helperNames(code) {
  let prefix = '__als';
  for (let n = 1; code.includes(`${prefix}_`); n++) prefix = `__als${n}`;
  return { awaited: `${prefix}_awaited`, resume: `${prefix}_resume`, iterated: `${prefix}_iterated` };
}

// After a hashbang and the directive prologue ('use strict' must stay first).
function preambleAt(ast) {
  const { program } = ast;
  let at = program.interpreter?.end ?? 0;
  for (const directive of program.directives ?? []) at = Math.max(at, directive.end);
  return at;
}

function preamble(ast, names, runtime) {
  const spec = JSON.stringify(runtime);
  const list = `awaited: ${names.awaited}, resume: ${names.resume}, iterated: ${names.iterated}`;
  if (ast.program.sourceType === 'script' && usesCommonJs(ast.program)) {
    return `var { ${list} } = require(${spec});`;
  }
  return `import { ${list.replaceAll(':', ' as')} } from ${spec};`;
}

// A script that reads require, module or exports: an import would turn it
// into an ES module and break module.exports.
function usesCommonJs(program) {
  let found = false;
  walk(program, (node) => {
    if (node.type === 'Identifier' && ['require', 'module', 'exports'].includes(node.name)) found = true;
    return !found;
  });
  return found;
}
