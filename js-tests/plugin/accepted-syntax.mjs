// Syntax that esbuild (and TypeScript) accept is rewritten, not skipped: on
// a parse error the plugin only warns and leaves every await of the module
// unhooked. esbuild hands plugins the source before compiling it.
import { transformSync } from 'esbuild';
import { ok, test } from '../support/harness.mjs';
import { transformAwaits } from './support/installed.mjs';

const dec = 'function dec(c) { return c; }\n';
const experimental = { compilerOptions: { experimentalDecorators: true } };
// [file, code, bug, tsconfig for esbuild]
const inputs = [
  ['param-decorator.ts', `${dec}class A { constructor(@dec x: number) {} async f() { return await 1; } }\n`, null, experimental],
  ['legacy-decorator.ts', `${dec}@dec export class A { async f() { return await 1; } }\n`],
  ['enum-namespace.ts', 'enum E { A }\nnamespace N { export const x = 1; }\nexport const f = async <const T,>(v: T) => await v;\n'],
  ['import-with.js', "import data from './x.json' with { type: 'json' };\nexport const f = async () => await data;\n"],
  ['using.js', 'export async function f(r) {\n  using a = r;\n  return await a;\n}\n'],
  ['accessor.ts', 'class A { accessor x = 1; async f() { return await this.x; } }\n',
    "an `accessor` field (TS 4.9, standard decorators): Babel needs its 'decoratorAutoAccessors' plugin"],
  ['export-decorator.ts', `${dec}export @dec class A { async f() { return await 1; } }\n`,
    "a decorator after export (TS 5 standard decorators): 'decorators-legacy' rejects `export @dec class`"],
  ['import-assert.js', "import data from './x.json' assert { type: 'json' };\nexport const f = async () => await data;\n",
    "import attributes written with `assert`: Babel needs its 'deprecatedImportAssert' plugin"],
];

for (const [file, code, bug, tsconfigRaw = {}] of inputs) {
  test(`plugin-accepted-syntax: ${file}`, () => {
    transformSync(code, { loader: file.split('.').pop(), format: 'esm', tsconfigRaw });
    let out;
    try {
      out = transformAwaits(code, `/app/src/${file}`);
    } catch (error) {
      throw new Error(`${bug ? `TRANSFORM BUG (pending fix): ${bug}\n  ` : ''}the transform cannot parse what esbuild builds: ${error.message}`);
    }
    ok(/\bawait __als_(?:awaited|suspend)\(/.test(out?.code ?? ''), 'rewritten');
  });
}
