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
    plugins: [...language, 'explicitResourceManagement', 'decorators'],
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

// The then, catch and finally calls that the rewrite with the await hook off
// wraps (pkg-template/plugin/transform/src/sites.rs, `reaction`), as Babel
// sees them: a method of that name, by name or string, called; not where its
// receiver continues an optional chain (`a?.b.then(f)`).
// Where the receiver continues the chain, its arguments are wrapped
// instead (`callbacks`: how many), unless one is a spread.
export function reactionSites(ast) {
  const found = [];
  let callbacks = 0;
  // A decorator's expression is left as it is (it must stay a member chain).
  const decorators = [];
  visit(ast.program, (node) => {
    if (node.type === 'Decorator') decorators.push(node);
  });
  const inDecorator = (node) => decorators.some((d) => node.start >= d.start && node.end <= d.end);
  const continuesChain = (o) => {
    for (;;) {
      if (o.extra?.parenthesized) return false;
      if (o.type === 'OptionalMemberExpression' || o.type === 'OptionalCallExpression') return true;
      if (o.type !== 'TSNonNullExpression') return false;
      o = o.expression;
    }
  };
  visit(ast.program, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return;
    const callee = node.callee;
    if (!/MemberExpression$/.test(callee.type) || !METHODS.includes(memberName(callee)) || inDecorator(node)) return;
    if (callee.object.type === 'Super' || !continuesChain(callee.object)) found.push(node);
    else if (!node.arguments.some((a) => a.type === 'SpreadElement')) callbacks += node.arguments.length;
  });
  return { calls: found.length, callbacks };
}

// Where the rewrite must act, in source order: every await (its keyword
// position), the operand of every for-await, and every yield and yield*
// (their operands) whose innermost function is an async generator.
export function sites(ast) {
  const found = [];
  visit(ast.program, (node, fn) => {
    if (node.type === 'AwaitExpression') found.push({ kind: 'await', node });
    if (node.type === 'ForOfStatement' && node.await) found.push({ kind: 'iterate', node: node.right });
    if (node.type === 'YieldExpression' && fn?.async && fn.generator) found.push({ kind: node.delegate ? 'iterate' : 'yield', node: node.argument ?? node });
  });
  return found.sort((a, b) => a.node.start - b.node.start);
}

// The helpers' local names and the statement that brings them: in a
// CommonJS script a `var {…} = require(runtime)` first (after hashbang and
// directives); in a module an import of the runtime that comes after every
// import of the module's own (they must keep running first). Helpers the
// module does not use are not imported, and their names match no call.
// What a then, catch or finally call's receiver goes through with the await
// hook off, and its arguments where the receiver continues an optional chain.
export const REACTIONS = ['thenOf', 'catchOf', 'finallyOf', 'callback'];
const METHODS = ['then', 'catch', 'finally'];

// A member's name: by identifier, string or template with no expression.
const memberName = (m) => (m.computed ? (m.property.type === 'StringLiteral' ? m.property.value : m.property.type === 'TemplateLiteral' && m.property.expressions.length === 0 ? m.property.quasis[0].value.cooked : null) : m.property.name);

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
  const HELPERS = ['awaited', 'resume', 'iterated', 'yielded', 'begin', 'suspend', 'resumed', 'caught', 'done', ...REACTIONS];
  const imported = Object.values(names)[0];
  for (const helper of HELPERS) names[helper] ??= `\0${helper} (not imported)`;
  // The record of an async function's awaits: `<prefix>_t`, the prefix the helpers share.
  names.record = imported ? imported.replace(/_[a-z]+$/, '_t') : '\0record (not declared)';
  Object.defineProperty(names, 'statement', { value: index });
  return names;
}

// The tree without positions, comments and parentheses marks, and with the
// rewrite undone: resume(await awaited(x)) and resumed(t, await suspend(t, x))
// -> await x, iterated(y) -> y, yield yielded(y) -> yield y, a body `{ const t = begin(); try { … }
// finally { done(t); } }` -> `{ … }`, a leading `caught(t);` of a catch or
// finally block dropped. `undone` counts what was undone; anything else
// shaped like a helper call stays (and then differs from the input's tree).
// An arrow's expression body E is taken as `{ return E }` on both sides.
export function strip(node, names = null, undone = { await: 0, iterate: 0, yield: 0, bodies: 0, caught: 0 }) {
  if (Array.isArray(node)) return node.map((n) => strip(n, names, undone));
  if (!node || typeof node !== 'object') return node;
  if (node.type === 'ArrowFunctionExpression' && node.body.type !== 'BlockStatement') {
    const body = { type: 'BlockStatement', body: [{ type: 'ReturnStatement', argument: node.body }], directives: [] };
    return strip({ ...node, body }, names, undone);
  }
  if (names) {
    const call = (n, name, arity = 1) => n?.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === name && n.arguments.length === arity;
    const record = (n) => n?.type === 'Identifier' && n.name === names.record;
    if (call(node, names.resume) && node.arguments[0].type === 'AwaitExpression' && call(node.arguments[0].argument, names.awaited)) {
      undone.await++;
      return { type: 'AwaitExpression', argument: strip(node.arguments[0].argument.arguments[0], names, undone) };
    }
    if (call(node, names.resumed, 2) && record(node.arguments[0]) && node.arguments[1].type === 'AwaitExpression') {
      const inner = node.arguments[1].argument;
      if (call(inner, names.suspend, 2) && record(inner.arguments[0])) {
        undone.await++;
        return { type: 'AwaitExpression', argument: strip(inner.arguments[1], names, undone) };
      }
    }
    // yield yielded((x)) -> yield x; yield yielded(undefined), unparenthesized -> yield
    if (node.type === 'YieldExpression' && !node.delegate && call(node.argument, names.yielded)) {
      undone.yield++;
      const [operand] = node.argument.arguments;
      const nothing = operand.type === 'Identifier' && operand.name === 'undefined' && !operand.extra?.parenthesized;
      return { ...strip({ ...node, argument: null }, names, undone), argument: nothing ? null : strip(operand, names, undone) };
    }
    // thenOf((x)).then(…) -> x.then(…); thenOf((this), super.then).then(…) -> super.then(…),
    // each helper only before the method it is for; callback((f)) -> f.
    const isCall = node.type === 'CallExpression' || node.type === 'OptionalCallExpression';
    const receiver = isCall && /MemberExpression$/.test(node.callee.type) ? node.callee.object : null;
    const method = receiver ? METHODS.indexOf(memberName(node.callee)) : -1;
    if (method >= 0 && (call(receiver, names[REACTIONS[method]]) || call(receiver, names[REACTIONS[method]], 2))) {
      const [x, read] = receiver.arguments;
      if (!read || (read.object.type === 'Super' && memberName(read) === METHODS[method])) {
        undone.reactions = (undone.reactions ?? 0) + 1;
        const callee = read ?? { ...node.callee, object: x };
        return strip({ ...node, callee: strip(callee, names, undone), arguments: node.arguments }, names, undone);
      }
    }
    if (call(node, names.callback)) {
      undone.callbacks = (undone.callbacks ?? 0) + 1;
      return strip(node.arguments[0], names, undone);
    }
    if (call(node, names.iterated)) {
      undone.iterate++;
      return strip(node.arguments[0], names, undone);
    }
    if (node.type === 'BlockStatement' && wrappedBody(node, names, record, call)) {
      undone.bodies++;
      return strip({ ...node, body: node.body[1].block.body }, names, undone);
    }
    const first = node.type === 'BlockStatement' ? node.body[0] : null;
    if (first?.type === 'ExpressionStatement' && call(first.expression, names.caught) && record(first.expression.arguments[0])) {
      undone.caught++;
      return strip({ ...node, body: node.body.slice(1) }, names, undone);
    }
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (['start', 'end', 'loc', 'range', 'extra', 'comments', 'tokens', 'errors'].includes(key) || key.endsWith('Comments')) continue;
    out[key] = strip(value, names, undone);
  }
  return out;
}

// { const t = begin(); try { … } finally { done(t); } }
function wrappedBody(block, names, record, call) {
  const [declaration, attempt, ...rest] = block.body;
  if (rest.length || declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') return false;
  const [declarator] = declaration.declarations;
  if (!record(declarator?.id) || !call(declarator.init, names.begin, 0)) return false;
  if (attempt?.type !== 'TryStatement' || attempt.handler || attempt.finalizer?.body.length !== 1) return false;
  const [finish] = attempt.finalizer.body;
  return finish.type === 'ExpressionStatement' && call(finish.expression, names.done) && record(finish.expression.arguments[0]);
}
