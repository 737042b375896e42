// 8. A package the plugin leaves as it is gets a note before each statement
// that reads globalThis.AsyncLocalStorage at its top level (unenv's
// `globalThis.AsyncLocalStorage || fallback`), so that als-wasm/global,
// imported after it, can say so (docs/integrations/unjs.md). Reads inside
// functions run later and get none; neither does a module with no read, or
// one that does not parse (the bundler reports that itself).
import { equal, ok, test } from '../support/harness.mjs';
import { markGlobalReads } from './support/installed.mjs';

const NOTE = "Symbol.for(\"als-wasm.early-reads\")";

test('plugin-global-reads: a top-level read gets one note, naming the package', () => {
  const code = 'import x from "y";\nexport const ALS = globalThis.AsyncLocalStorage || class {};\nexport const z = 1;\n';
  const out = markGlobalReads(code, '/app/node_modules/unenv/a.mjs', 'unenv');
  ok(out !== null, 'marked');
  equal(out.code.split(NOTE).length - 1, 2, 'one note (the symbol twice)');
  ok(out.code.includes('.push("unenv")'), out.code);
  // The note goes on the read's own line, right before it: no line moves.
  equal(out.code.split('\n').length, code.split('\n').length);
  ok(out.code.split('\n')[1].endsWith('export const ALS = globalThis.AsyncLocalStorage || class {};'), out.code);
});

test('plugin-global-reads: self, window and global count; reads inside functions do not', () => {
  const top = 'const a = self.AsyncLocalStorage;\nif (window.AsyncLocalStorage) {}\nglobal.AsyncLocalStorage;\n';
  equal(markGlobalReads(top, 'm.js', 'p').code.split('.push("p")').length - 1, 3);
  const later = 'export function f() { return globalThis.AsyncLocalStorage; }\nexport const g = () => globalThis.AsyncLocalStorage;\nclass C { m() { return globalThis.AsyncLocalStorage; } }\n';
  equal(markGlobalReads(later, 'm.js', 'p'), null);
});

test('plugin-global-reads: optional, computed and destructuring reads, and modules wrapped in a function called at once', () => {
  const forms = [
    'const a = globalThis?.AsyncLocalStorage;',
    "const a = globalThis['AsyncLocalStorage'];",
    'const { AsyncLocalStorage } = globalThis;',
    '(function (g) { exports.A = g.AsyncLocalStorage || globalThis.AsyncLocalStorage; })(this);',
    '(() => { module.exports = self.AsyncLocalStorage; })();',
    'class C { static A = globalThis.AsyncLocalStorage; }',
  ];
  for (const form of forms) ok(markGlobalReads(`${form}\n`, 'm.js', 'p') !== null, form);
  const later = ['class C { a = globalThis.AsyncLocalStorage; }', '(function () { return () => globalThis.AsyncLocalStorage; })();'];
  for (const form of later) equal(markGlobalReads(`${form}\n`, 'm.js', 'p'), null, form);
});

test('plugin-global-reads: no read, another name, or no parse: unchanged', () => {
  equal(markGlobalReads('export const x = 1;\n', 'm.js', 'p'), null);
  equal(markGlobalReads('const AsyncLocalStorage = 1; globalThis.Other;\n', 'm.js', 'p'), null);
  equal(markGlobalReads('const a = globalThis.AsyncLocalStorage; +=\n', 'm.js', 'p'), null);
});
