// What JavaScript rejects, the transform rejects too: await in a parameter
// list (of an arrow nested in an async function, of an async arrow, of an
// async function) is a SyntaxError in V8 and in the transform, which throws
// a SyntaxError with Babel's `loc` at the await, its column in UTF-16 units
// (the plugin turns it into its warning
// and the bundler reports its own error, syntax-errors.mjs).
import { Script } from 'node:vm';
import { deepEqual, equal, ok, test, throws } from '../support/harness.mjs';
import { transformAwaits, unplugin } from './support/installed.mjs';

const inputs = {
  'arrow in an async function': 'async function f() {\n  const g = (a = await x) => a;\n}\n',
  'async arrow': 'const g = async (a = await x) => a;\n',
  'async function': 'async function f(a = await x) {}\n',
  // The column counts UTF-16 units (é one, 😀 two), not the parser's UTF-8 bytes.
  'async function after text outside ASCII': "const s = 'é 😀 値'; async function f(a = await x) {}\n",
};

for (const [what, code] of Object.entries(inputs)) {
  test(`plugin-rejects: await in the parameters of an ${what}`, () => {
    throws(() => new Script(code), { name: 'SyntaxError' }, 'V8');
    const error = throws(() => transformAwaits(code, '/app/src/a.js'), { name: 'SyntaxError' }, 'the transform');
    ok(error.loc, 'a position');
    const at = code.split('\n').findIndex((l) => l.includes('await x'));
    deepEqual({ line: error.loc.line, column: error.loc.column }, { line: at + 1, column: code.split('\n')[at].indexOf('await x') });
  });
}

// A module nested deeper than the host's stack allows the parser (Babel
// threw a RangeError there too): left as it is, with the plugin's warning,
// and the next module is rewritten as usual.
test('plugin-rejects: a module nested too deep is left as it is, and the next is rewritten', () => {
  const depth = 100000;
  for (const open of ['(', '[', '{']) {
    const close = { '(': ')', '[': ']', '{': '}' }[open];
    const body = open === '{' ? `${open.repeat(depth)}await x;${close.repeat(depth)}` : `return ${open.repeat(depth)}await x${close.repeat(depth)};`;
    const warnings = [];
    const { handler } = unplugin.raw({}, { framework: 'rollup' }).transform;
    equal(handler.call({ warn: (w) => warnings.push(w) }, `export async function f() { ${body} }\n`, '/app/src/deep.js'), null, open);
    ok(warnings.length === 1 && warnings[0].startsWith('als-wasm/plugin left /app/src/deep.js as it is: the transform stopped'), warnings[0]);
    ok(transformAwaits('export async function g() { await y; }\n', '/app/src/next.js').code.includes('__als_suspend(__als_t, y)'), 'the next module');
  }
});
