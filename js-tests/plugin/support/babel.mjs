// Babel's parser on its own, to check the transform's output from outside:
// parse it again, find the rewrite's sites, and undo the rewrite on the tree
// (what is left must be the input's tree).
import { parse as babelParse } from '@babel/parser';
import { RUNTIME } from './installed.mjs';

// type: 'module' or 'commonjs'. The language comes from the id (its query
// names it for Vite's `?lang.ts`).
export function parse(code, id, type = 'module') {
  const ext = /\.([cm]?[jt]sx?)$/.exec(id.replace(/^.*[?&]lang\./, 'x.'))?.[1] ?? 'js';
  const language = ext.endsWith('tsx') ? ['typescript', 'jsx'] : ext.endsWith('ts') ? ['typescript'] : ['jsx'];
  return babelParse(code, {
    sourceType: type === 'commonjs' ? 'script' : 'module',
    allowReturnOutsideFunction: type === 'commonjs',
    plugins: [...language, 'explicitResourceManagement'],
  });
}

const isNode = (v) => v !== null && typeof v === 'object' && typeof v.type === 'string';

// Visits every node, with the innermost enclosing function.
export function visit(node, fn, fnNode = null) {
  fn(node, fnNode);
  const inner = /Function|Method/.test(node.type) && 'body' in node ? node : fnNode;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'extra' || key.endsWith('Comments')) continue;
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child, fn, inner);
  }
}

// Where the rewrite must act, in source order: every await (its keyword
// position), and the operand of every for-await and of every yield* whose
// innermost function is an async generator.
export function sites(ast) {
  const found = [];
  visit(ast.program, (node, fn) => {
    if (node.type === 'AwaitExpression') found.push({ kind: 'await', node });
    if (node.type === 'ForOfStatement' && node.await) found.push({ kind: 'iterate', node: node.right });
    if (node.type === 'YieldExpression' && node.delegate && fn?.async && fn.generator) found.push({ kind: 'iterate', node: node.argument });
  });
  return found.sort((a, b) => a.node.start - b.node.start);
}

// The helpers' local names and the statement that brings them: in a
// CommonJS script a `var {…} = require(runtime)` first (after hashbang and
// directives); in a module an import of the runtime that comes after every
// import of the module's own (they must keep running first). Helpers the
// module does not use are not imported, and their names match no call.
export function preamble(program, type, runtime = RUNTIME) {
  const names = {};
  let index;
  if (type === 'commonjs') {
    index = 0;
    const first = program.body[0];
    const decl = first?.type === 'VariableDeclaration' ? first.declarations[0] : null;
    const init = decl?.init;
    if (init?.type !== 'CallExpression' || init.callee.name !== 'require' || init.arguments[0]?.value !== runtime) {
      throw new Error('the output does not start with the require() of the runtime');
    }
    for (const p of decl.id.properties) names[p.key.name] = p.value.name;
  } else {
    index = program.body.findIndex((s) => s.type === 'ImportDeclaration' && s.source.value === runtime);
    if (index < 0) throw new Error('the output has no import of the runtime');
    const later = program.body.slice(index + 1).find((s) => s.source && /^(Import|Export)/.test(s.type));
    if (later) throw new Error(`the module's own ${later.type} of ${later.source.value} comes after the runtime's import`);
    for (const s of program.body[index].specifiers) names[s.imported.name] = s.local.name;
  }
  for (const helper of ['awaited', 'resume', 'iterated']) names[helper] ??= `\0${helper} (not imported)`;
  Object.defineProperty(names, 'statement', { value: index });
  return names;
}

// The tree without positions, comments and parentheses marks, and with the
// rewrite undone: resume(await awaited(x)) -> await x, iterated(y) -> y.
// `undone` counts what was undone; anything else shaped like a helper call
// stays (and then differs from the input's tree).
export function strip(node, names = null, undone = { await: 0, iterate: 0 }) {
  if (Array.isArray(node)) return node.map((n) => strip(n, names, undone));
  if (!node || typeof node !== 'object') return node;
  if (names) {
    const call = (n, name) => n?.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === name && n.arguments.length === 1;
    if (call(node, names.resume) && node.arguments[0].type === 'AwaitExpression' && call(node.arguments[0].argument, names.awaited)) {
      undone.await++;
      return { type: 'AwaitExpression', argument: strip(node.arguments[0].argument.arguments[0], names, undone) };
    }
    if (call(node, names.iterated)) {
      undone.iterate++;
      return strip(node.arguments[0], names, undone);
    }
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (['start', 'end', 'loc', 'range', 'extra', 'comments', 'tokens', 'errors'].includes(key) || key.endsWith('Comments')) continue;
    out[key] = strip(value, names, undone);
  }
  return out;
}
