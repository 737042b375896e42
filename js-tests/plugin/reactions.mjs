// With the await hook off (`packages: true, awaitHook: false`) the carrier
// leaves Promise.prototype's then, catch and finally to the engine, and the
// rewrite wraps the receivers of their calls instead:
//   x.then(…) -> __als_then((x)).then(…)   (catch, finally alike)
//   super.then(…) -> __als_then((this), super.then).then(…)
// For each module below: the output parses, is the input's tree once those
// are undone, with one undo for each call that Babel's view names
// (support/babel.mjs, reactionSites), and computes what the input computes
// against the identity runtime, one helper call for each call made.
import { deepEqual, equal, ok, test } from '../support/harness.mjs';
import { parse, preamble, reactionSites, sites, strip } from './support/babel.mjs';
import { firstTreeDifference } from './support/diff.mjs';
import { evaluate, identityRuntime } from './support/evaluate.mjs';
import { transformAwaits } from './support/installed.mjs';

const HOOK_OFF = { awaitHook: false };

const CASES = [
  {
    file: 'reactions.js',
    // Calls made at run time: 3 + 1 + 1 + 1 (p's) + 1 (`none?.`) + 1 (the
    // sequence) + 2 (P's then, and its super.then) + 3 (P's catch, its
    // super's, which calls this.then: P's, and its super's) + 1 (the
    // thenable) + 1 (undefined.then) + 1 ((1).then) + 2 (the chain). P's
    // promises are not awaited: the engine would call their then as well.
    // `c?.d.e.then(f, g).catch(h)` continues its chain: 3 callbacks instead.
    made: 18,
    callbacks: 3,
    code: `const p = Promise.resolve(1);
export default async () => {
  const out = [];
  await p.then((v) => out.push(v)).catch(() => out.push('no')).finally(() => out.push('f'));
  await p?.then((v) => out.push(v + 1));
  await p['then']((v) => out.push(v + 2));
  await p[\`then\`]((v) => out.push(v + 3));
  const none = null;
  out.push(none?.then(() => 'never'));
  const a = { b: null };
  out.push(a.b?.c.then(() => 'never'));
  const c = { d: { e: p } };
  await c?.d.e.then((v) => out.push(v + 10), () => out.push('no')).catch(() => out.push('no'));
  await (0, p).then((v) => out.push(v + 4));
  class P extends Promise {
    then(f, r) { return super.then(f, r); }
    catch(r) { return super['catch'](r); }
  }
  await new Promise((resolve) => { P.resolve(5).then((v) => resolve(out.push(v))); });
  await new Promise((resolve) => { P.reject(6).catch((v) => resolve(out.push(v))); });
  const thenable = { then(resolve) { resolve(7); return 'own'; } };
  out.push(thenable.then((v) => out.push(v)));
  try { undefined.then(); } catch (e) { out.push(e instanceof TypeError); }
  try { (1).then(); } catch (e) { out.push(e instanceof TypeError); }
  out.push(typeof p.then, p.then.name);
  await p.then((v) => v + 1).then((v) => out.push(v * 10));
  return out;
};
`,
  },
  {
    file: 'reactions.ts',
    made: 3,
    code: `const p: Promise<number> | undefined = Promise.resolve(2);
export default async (): Promise<unknown[]> => {
  const out: unknown[] = [];
  await p!.then((v: number) => out.push(v));
  await (p as Promise<number>).catch(() => out.push('no'));
  await p?.finally(() => out.push('f'));
  return out;
};
`,
  },
  {
    file: 'decorator.ts',
    // Node 20 runs no decorators: esbuild lowers them, in input and output.
    lower: true,
    made: 1,
    code: `const log: string[] = [];
const p = Promise.resolve(4);
const tag = { then: (f: (c: unknown) => unknown) => (target: unknown) => { log.push('decorated'); return f(target); } };
@tag.then((c) => c)
class A {}
export default async () => [log, await p.then((v) => v + 1), typeof A];
`,
  },
  {
    file: 'reactions.cjs',
    type: 'commonjs',
    made: 1,
    code: `const p = Promise.resolve(3);
globalThis.caseResult = p.then((v) => [v]);
module.exports = undefined;
`,
  },
];

for (const c of CASES) {
  c.id = `/app/src/${c.file}`;
  c.type ??= 'module';
  test(`plugin-reactions: ${c.file}: the output is the input with its then, catch and finally receivers wrapped`, () => {
    const input = parse(c.code, c.id, c.type);
    const expected = reactionSites(input);
    ok(expected.calls > 0, 'the case has no call to rewrite');
    const { code } = transformAwaits(c.code, c.id, HOOK_OFF);
    const output = parse(code, c.id, c.type);
    const names = preamble(output.program, c.type);
    output.program.body.splice(names.statement, 1);
    const undone = { await: 0, iterate: 0, yield: 0, reactions: 0, callbacks: 0 };
    const difference = firstTreeDifference(strip(output.program, names, undone), strip(input.program));
    equal(difference, null, 'the output, rewrite undone, is the input');
    equal(undone.reactions, expected.calls, 'then, catch and finally calls rewritten');
    equal(undone.callbacks, expected.callbacks, 'arguments wrapped where the receiver continues an optional chain');
    equal(undone.await, sites(input).filter((s) => s.kind === 'await').length, 'awaits rewritten');
  });

  test(`plugin-reactions: ${c.file}: the output computes what the input computes`, async () => {
    const before = await evaluate(c.code, c);
    const after = await evaluate(transformAwaits(c.code, c.id, { ...HOOK_OFF, runtime: identityRuntime }).code, c);
    deepEqual(after.value, before.value, 'the same result');
    equal(after.calls.reactions, c.made, 'one helper call for each call made');
    equal(after.calls.callbacks ?? 0, c.callbacks ?? 0, 'one callback() for each argument passed where the chain goes on');
  });
}

test('plugin-reactions: with the hook on, then, catch and finally calls are left as they are', () => {
  equal(transformAwaits('const p = Promise.resolve(); p.then(f).catch(g).finally(h);', '/app/src/a.js'), null);
  ok(transformAwaits('const p = Promise.resolve(); p.then(f);', '/app/src/a.js', HOOK_OFF) !== null, 'rewritten with the hook off');
});
