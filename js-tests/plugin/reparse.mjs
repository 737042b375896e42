// 2a. Each output parses again, starts with the helpers' import (require in
// CommonJS) under names the input does not use, and is the input's tree once
// resume(await awaited(x)) -> await x and iterated(y) -> y are undone, with
// exactly one undo per site: nothing else changed, nothing was missed.
import { AssertionError, deepEqual, equal, ok, test } from '../support/harness.mjs';
import { cases, onCase } from './cases.mjs';
import { parse, preamble, sites, strip } from './support/babel.mjs';
import { firstTreeDifference } from './support/diff.mjs';
import { transformAwaits } from './support/installed.mjs';

for (const c of cases) {
  test(`plugin-reparse: ${c.name}`, () => onCase(c, () => {
    const input = parse(c.code, c.id, c.type);
    const expected = sites(input);
    ok(expected.length > 0, 'the case has no site to rewrite');
    const { code } = transformAwaits(c.code, c.id);
    let output;
    try {
      output = parse(code, c.id, c.type);
    } catch (error) {
      const line = code.split('\n')[error.loc.line - 1];
      throw new AssertionError(`the output does not parse: ${error.message}\n    ${line}`);
    }
    equal(output.program.interpreter?.value, input.program.interpreter?.value, 'hashbang');
    deepEqual(output.program.directives.map((d) => d.value.value), input.program.directives.map((d) => d.value.value), 'directives');
    const names = preamble(output.program, c.type);
    deepEqual(Object.keys(names).sort(), ['awaited', 'begin', 'callback', 'catchOf', 'caught', 'done', 'finallyOf', 'iterated', 'record', 'resume', 'resumed', 'suspend', 'thenOf', 'yielded'], 'helpers named');
    for (const name of Object.values(names)) ok(!c.code.includes(name), `helper name ${name} is used by the input`);
    output.program.body.splice(names.statement, 1);
    const undone = { await: 0, iterate: 0, yield: 0 };
    const difference = firstTreeDifference(strip(output.program, names, undone), strip(input.program));
    if (difference) throw new AssertionError(`the output, rewrite undone, is not the input: ${difference}`);
    equal(undone.await, expected.filter((s) => s.kind === 'await').length, 'awaits rewritten');
    equal(undone.iterate, expected.filter((s) => s.kind === 'iterate').length, 'for-await / async yield* operands rewritten');
    equal(undone.yield, expected.filter((s) => s.kind === 'yield').length, 'async generators\' yields rewritten');
  }));
}
