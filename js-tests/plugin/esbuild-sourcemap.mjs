// 3b. Through a real esbuild build with the plugin (runtime bundled too), the
// bundle's source map sends known lines of the app's JS and TS modules back
// to where they were, after the rewrite.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { deepEqual, ok, test } from '../support/harness.mjs';
import { withApp } from './support/app.mjs';
import { esbuild } from './support/bundlers.mjs';

const app = {
  'src/main.js': "import { handler } from './app.js';\nimport { typed } from './typed.ts';\nconsole.log(await handler({ id: 1 }), await typed());\n",
  'src/app.js': [
    'async function* stream() { yield* [1, 2]; }',
    'async function loadUser(req) { return { id: req.id, chunks: [] }; }',
    '',
    'export async function handler(req) {',
    '  const user = await loadUser(req);',
    '  for await (const chunk of stream()) user.chunks.push(chunk);',
    "  console.log('MARKER_JS', user);",
    '  return user;',
    '}',
    '',
  ].join('\n'),
  'src/typed.ts': [
    'interface Row { n: number }',
    'const rows = async (): Promise<Row[]> => [{ n: 1 }];',
    'export async function typed(): Promise<number> {',
    '  const [first] = (await rows()) as Row[];',
    "  console.log('MARKER_TS', first);",
    '  return first.n;',
    '}',
    '',
  ].join('\n'),
};

// The generated position of `needle` in `code` (1-based line, 0-based column).
function position(code, needle) {
  const index = code.indexOf(needle);
  ok(index >= 0, `${needle} not in the bundle`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1).length };
}

test('plugin-esbuild-sourcemap: known lines of a JS and a TS module map back to their place', () => withApp(app, async (dir) => {
  const { code, map, error } = await esbuild(dir, { plugin: true, sourcemap: true });
  ok(!error, error?.message);
  // The helpers keep their bindings' names in plugin/runtime.js.
  ok(code.includes('__alsRuntime_resume(await __alsRuntime_awaited(loadUser(req)))'), 'the bundle has the rewritten awaits');
  const trace = new TraceMap(map);
  const back = (needle) => {
    const { source, line, column } = originalPositionFor(trace, position(code, needle));
    return { needle, source, line, column };
  };
  // Each needle is unique in the bundle and starts at the token it names.
  const expect = (needle, source, line, column) => deepEqual(back(needle), { needle, source, line, column });
  expect('console.log("MARKER_JS"', '../src/app.js', 7, 2);
  expect('await __alsRuntime_awaited(loadUser', '../src/app.js', 5, 15);
  expect('loadUser(req)))', '../src/app.js', 5, 21);
  expect('stream()))', '../src/app.js', 6, 28);
  expect('console.log("MARKER_TS"', '../src/typed.ts', 5, 2);
  expect('await __alsRuntime_suspend(__als_t, rows', '../src/typed.ts', 4, 19);
  expect('rows()))', '../src/typed.ts', 4, 25);
}));
