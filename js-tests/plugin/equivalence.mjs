// 2b. Run in Node with identity helpers, each output computes what its input
// computes, calling the helpers once per await / iterated operand reached.
import { deepEqual, equal, test } from '../support/harness.mjs';
import { cases, onCase } from './cases.mjs';
import { evaluate, identityRuntime } from './support/evaluate.mjs';
import { RUNTIME, transformAwaits } from './support/installed.mjs';

for (const c of cases) {
  test(`plugin-evaluate: ${c.name}`, () => onCase(c, async () => {
    const before = await evaluate(c.code, c);
    deepEqual(before.value, c.result, 'the input computes');
    const out = transformAwaits(c.code, c.id, { runtime: identityRuntime });
    // What runs is the snapshot's code, only the runtime's name differs.
    equal(out.code, transformAwaits(c.code, c.id).code.replace(JSON.stringify(RUNTIME), JSON.stringify(identityRuntime)), 'output with another runtime');
    const after = await evaluate(out.code, c);
    deepEqual(after.value, before.value, 'the output computes as the input');
    deepEqual(after.calls, c.calls, 'helper calls');
  }));
}
