// 3a. Each case's source map: no line moves, every await keyword of the
// output (and the helper call around it) maps back to the input's await,
// every rewritten for-await / yield* operand to its own start, and every
// identifier of the input that the output keeps to where it was.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { AssertionError, deepEqual, equal, test } from '../support/harness.mjs';
import { cases, onCase } from './cases.mjs';
import { parse, preamble, sites, visit } from './support/babel.mjs';
import { transformAwaits } from './support/installed.mjs';

const at = (node) => ({ line: node.loc.start.line, column: node.loc.start.column });

for (const c of cases) {
  test(`plugin-sourcemap: ${c.name}`, () => onCase(c, () => {
    const out = transformAwaits(c.code, c.id);
    const map = new TraceMap(JSON.parse(out.map.toString()));
    deepEqual(map.sources, [c.id], 'sources');
    equal(map.sourcesContent[0], c.code, 'sourcesContent');
    equal(out.code.split('\n').length, c.code.split('\n').length, 'lines in the output');

    const back = (node, what) => {
      const { source, line, column } = originalPositionFor(map, at(node));
      return { what, source, line, column };
    };
    const input = parse(c.code, c.id, c.type);
    const output = parse(out.code, c.id, c.type);
    const names = preamble(output.program, c.type);
    const inputSites = sites(input);
    const awaits = [];
    const resumes = [];
    const operands = [];
    visit(output.program, (node) => {
      if (node.type === 'AwaitExpression') awaits.push(node);
      const callee = node.type === 'CallExpression' ? node.callee.name : null;
      if (callee === names.resume || callee === names.resumed) resumes.push(node);
      if (callee === names.iterated || callee === names.yielded) operands.push(node.arguments[0]);
    });
    const order = (list) => list.sort((a, b) => a.start - b.start);
    const inAwaits = inputSites.filter((s) => s.kind === 'await').map((s) => s.node);
    // The operands of for await, yield* and yield (a yield with none has no place to map).
    const inOperands = inputSites.filter((s) => s.kind === 'iterate' || (s.kind === 'yield' && s.node.type !== 'YieldExpression')).map((s) => s.node);
    equal(awaits.length, inAwaits.length, 'awaits in the output');
    // A bare yield's `undefined` is the rewrite's own.
    const written = operands.filter((n) => !(n.type === 'Identifier' && n.name === 'undefined' && !n.extra?.parenthesized));
    equal(written.length, inOperands.length, 'iterated and yielded operands in the output');
    order(awaits).forEach((node, i) => deepEqual(back(node, 'await'), { what: 'await', source: c.id, ...at(inAwaits[i]) }));
    order(resumes).forEach((node, i) => deepEqual(back(node, 'resume('), { what: 'resume(', source: c.id, ...at(inAwaits[i]) }));
    order(written).forEach((node, i) => deepEqual(back(node, 'operand'), { what: 'operand', source: c.id, ...at(inOperands[i]) }));

    // Every identifier of the output that is not a helper sits, by the map,
    // on the same identifier of the input.
    const identifiers = new Set();
    visit(input.program, (node) => {
      if (node.type === 'Identifier') identifiers.add(`${node.loc.start.line}:${node.loc.start.column}:${node.name}`);
    });
    const helpers = new Set(Object.values(names));
    const helperImport = output.program.body[names.statement];
    const inHelperImport = (node) => node.start >= helperImport.start && node.end <= helperImport.end;
    visit(output.program, (node) => {
      if (node.type !== 'Identifier' || helpers.has(node.name) || inHelperImport(node)) return;
      const { line, column } = back(node);
      if (!identifiers.has(`${line}:${column}:${node.name}`)) {
        throw new AssertionError(`${node.name} at ${at(node).line}:${at(node).column} of the output maps to ${line}:${column}, not to ${node.name} in the input`);
      }
    });
  }));
}

// A build that reads no source map (esbuild or webpack without source maps,
// Vite's build without build.sourcemap) gets the same code and no map.
test('plugin-sourcemap: with sourcemap: false, the same code and no map', () => {
  for (const c of cases) {
    const out = transformAwaits(c.code, c.id, { sourcemap: false });
    equal(out.code, transformAwaits(c.code, c.id).code, c.name);
    equal(out.map, null, c.name);
  }
});
