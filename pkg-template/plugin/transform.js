// The rewrite als-wasm/plugin applies to one module (docs/plugin.md). Parsed with Babel's parser (JS, JSX and
// TypeScript: esbuild hands plugins the source before it compiles it), edited
// with magic-string so that a source map comes out; only these change:
// - in an async function (not a generator) with no `for await` or `await
//   using` of its own, around its body, its awaits and its catch and finally
//   blocks (carrier/plugin-hooks.js, activationHooks):
//     { body }                ->  { const __als_t = __als_begin(); try { body } finally { __als_done(__als_t); } }
//     => expr                 ->  => { const __als_t = __als_begin(); try { return expr } finally { … } }
//     await x                 ->  __als_resumed(__als_t, await __als_suspend(__als_t, x))
//     catch (e) { / finally { ->  catch (e) { __als_caught(__als_t);
// - any other await (top level, async generators, functions with implicit awaits):
//     await x                 ->  __als_resume(await __als_awaited( x))
// - for await (… of y)        ->  for await (… of __als_iterated((y)))
// - yield* y (async generator) ->  yield* __als_iterated((y))
// plus one import of the helpers (a require() in a CommonJS file), after the
// module's own imports and on a line of existing code, so that no line moves. A module with nothing to rewrite comes
// back as null: byte-identical.
import { parse } from '@babel/parser';
import MagicString from 'magic-string';

export const RUNTIME = 'als-wasm/plugin/runtime';

// Statements that load another module (an export without `from` loads none).
const LOADS = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration']);
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
  const common = ['explicitResourceManagement', 'importAttributes', 'deprecatedImportAssert', 'decoratorAutoAccessors'];
  if (ext.endsWith('tsx')) return ['typescript', 'jsx', ...common];
  if (ext.endsWith('ts')) return ['typescript', ...common];
  return ['jsx', ...common];
}

// What bundlers accept that one set of Babel options does not: TypeScript's
// parameter decorators need the legacy decorators plugin (standard ones, as
// in `export @dec class`, the other), and old scripts may name a function
// `await`. Tried in turn when the one before fails.
const VARIANTS = [
  { decorators: 'decorators', awaitOutside: true },
  { decorators: 'decorators-legacy', awaitOutside: true },
  { decorators: 'decorators', awaitOutside: false },
];

export function parseModule(code, id) {
  let first;
  for (const { decorators, awaitOutside } of VARIANTS) {
    try {
      return parse(code, {
        sourceType: 'unambiguous',
        sourceFilename: id,
        // Comments are not needed here; attaching them costs a fifth of the parse.
        attachComment: false,
        allowAwaitOutsideFunction: awaitOutside,
        allowReturnOutsideFunction: true,
        plugins: [...languagePlugins(id), decorators],
      });
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      first ??= error;
    }
  }
  throw first;
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
  const used = new Set();
  const s = new MagicString(code);
  const t = names.record;
  for (const { kind, node } of sites) {
    used.add(kind);
    if (kind === 'await') {
      s.overwrite(node.start, node.start + 'await'.length, `${names.resume}(await ${names.awaited}(`);
      s.appendLeft(node.end, '))');
    } else if (kind === 'suspend') {
      s.overwrite(node.start, node.start + 'await'.length, `${names.resumed}(${t}, await ${names.suspend}(${t},`);
      s.appendLeft(node.end, '))');
    } else if (kind === 'caught') {
      s.appendLeft(node.start + 1, `${names.caught}(${t});`);
    } else if (kind === 'body') {
      const { body } = node;
      const open = `const ${t} = ${names.begin}(); try {`;
      const close = `} finally { ${names.done}(${t}); }`;
      if (body.type === 'BlockStatement') {
        // After the body's directives ('use strict' must stay first), with a
        // semicolon where the last one has none.
        const lastDirective = body.directives?.at(-1);
        const semicolon = lastDirective && code[lastDirective.end - 1] !== ';' ? ';' : '';
        s.appendLeft(lastDirective ? lastDirective.end : body.start + 1, semicolon + open);
        s.appendLeft(body.end - 1, close);
      } else {
        // An arrow's expression body, with its parentheses if it has them.
        s.appendLeft(body.extra?.parenthesized ? body.extra.parenStart : body.start, `{ ${open} return `);
        s.appendLeft(node.end, ` ${close} }`);
      }
    } else {
      // Minified code may join the operand to `of` (`of[1,2]`).
      const space = /[\p{ID_Continue}$\u200c\u200d]/u.test(code[node.start - 1] ?? '') ? ' ' : '';
      s.appendLeft(node.start, `${space}${names.iterated}((`);
      s.appendLeft(node.end, '))');
    }
  }
  const commonJs = ast.program.sourceType === 'script' && isCommonJs(ast.program);
  const at = preambleAt(ast, code, commonJs);
  s.appendLeft(at, preamble(names, used, runtime, commonJs, at > 0 && !/[;\n]/.test(code[at - 1])));
  return { code: s.toString(), map: s.generateMap({ source: id, hires: true, includeContent: true }) };
}

// Every await, for-await operand and async yield* operand, and the body and
// catch and finally blocks of each async function whose awaits are
// bracketed in place: innermost first (so that closing parentheses at one
// offset nest), a function's body after everything in it.
function findSites(program) {
  const sites = [];
  // Per enclosing function (the program first): its node, its own awaits,
  // its own try statements, and whether it awaits where no await is written.
  const scopes = [{ node: program, awaits: [], tries: [], implicit: true }];
  walk(program, (node) => {
    if (FUNCTIONS.has(node.type)) scopes.push({ node, awaits: [], tries: [], implicit: false });
  }, (node) => {
    const scope = scopes.at(-1);
    if (FUNCTIONS.has(node.type)) {
      scopes.pop();
      const inPlace = node.async && !node.generator && !scope.implicit && scope.awaits.length > 0;
      for (const index of scope.awaits) sites[index].kind = inPlace ? 'suspend' : 'await';
      if (inPlace) {
        for (const { handler, finalizer } of scope.tries) {
          if (handler) sites.push({ kind: 'caught', node: handler.body });
          if (finalizer) sites.push({ kind: 'caught', node: finalizer });
        }
        sites.push({ kind: 'body', node });
      }
    } else if (node.type === 'AwaitExpression') {
      scope.awaits.push(sites.length);
      sites.push({ kind: 'await', node });
    } else if (node.type === 'TryStatement') {
      scope.tries.push(node);
    } else if (node.type === 'ForOfStatement' && node.await) {
      scope.implicit = true;
      sites.push({ kind: 'iterate', node: node.right });
    } else if (node.type === 'VariableDeclaration' && node.kind === 'await using') {
      scope.implicit = true;
    } else if (node.type === 'YieldExpression' && node.delegate) {
      const fn = scope.node;
      if (fn.async && fn.generator) sites.push({ kind: 'iterate', node: node.argument });
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
  const name = (helper) => `${prefix}_${helper}`;
  return {
    awaited: name('awaited'), resume: name('resume'), iterated: name('iterated'), record: name('t'),
    begin: name('begin'), suspend: name('suspend'), resumed: name('resumed'), caught: name('caught'), done: name('done'),
  };
}

// Where the helpers' import goes, on a line of its own code so that no line
// moves: after the module's last import (imports run in the order they are
// written, and the app's own first ones, zone.js or a polyfill, must keep
// running before als-wasm); with none, on the line after a hashbang, or
// after the directive prologue ('use strict' must stay first). A CommonJS
// script's require goes first: its helpers may be called before a later
// require.
function preambleAt(ast, code, commonJs) {
  const { program } = ast;
  let at = 0;
  if (program.interpreter) {
    const lineEnd = code.indexOf('\n', program.interpreter.end);
    at = lineEnd < 0 ? code.length : lineEnd + 1;
  }
  for (const directive of program.directives ?? []) at = Math.max(at, directive.end);
  if (!commonJs) {
    for (const statement of program.body) if (LOADS.has(statement.type) && statement.source) at = Math.max(at, statement.end);
  }
  return at;
}

// The import (or require) of the helpers this module uses. After a statement
// that has no semicolon of its own, one comes first.
function preamble(names, used, runtime, commonJs, needsSemicolon) {
  const spec = JSON.stringify(runtime);
  const helpers = [];
  if (used.has('await')) helpers.push(['awaited', names.awaited], ['resume', names.resume]);
  if (used.has('iterate')) helpers.push(['iterated', names.iterated]);
  if (used.has('body')) {
    for (const helper of ['begin', 'suspend', 'resumed', 'done']) helpers.push([helper, names[helper]]);
    if (used.has('caught')) helpers.push(['caught', names.caught]);
  }
  const lead = needsSemicolon ? ';' : '';
  if (commonJs) {
    return `${lead}var { ${helpers.map(([name, local]) => `${name}: ${local}`).join(', ')} } = require(${spec});`;
  }
  return `${lead}import { ${helpers.map(([name, local]) => `${name} as ${local}`).join(', ')} } from ${spec};`;
}

// A script that calls require(…) or assigns module.exports / exports.x,
// with no top-level await: an import would turn it into an ES module and
// break module.exports. (Babel parses a module without import or export as
// a script.)
function isCommonJs(program) {
  let commonJs = false;
  let topLevelAwait = false;
  let depth = 0;
  walk(program, (node) => {
    if (FUNCTIONS.has(node.type)) depth++;
    if (node.type === 'AwaitExpression' && depth === 0) topLevelAwait = true;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') commonJs = true;
    if (node.type === 'AssignmentExpression' && exportsTarget(node.left)) commonJs = true;
  }, (node) => {
    if (FUNCTIONS.has(node.type)) depth--;
  });
  return commonJs && !topLevelAwait;
}

// module.exports, module.exports.x, exports.x
function exportsTarget(node) {
  if (node.type !== 'MemberExpression') return false;
  const { object, property, computed } = node;
  if (object.type === 'Identifier') {
    return object.name === 'exports' || (object.name === 'module' && !computed && property.name === 'exports');
  }
  return exportsTarget(object);
}
