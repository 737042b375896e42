// Random async programs for the plugin's differential test (issue 24; run.mjs
// runs them). generate(seed) answers the source of one ES module that imports
// { AsyncLocalStorage } from IMPORT_PLACEHOLDER (the runner puts
// 'node:async_hooks' or 'als-wasm' there) and exports `async function
// main(out)`, which runs the program, waits for everything it started and
// pushes its checkpoints into `out`: [label, A.getStore(), B.getStore(),
// C.getStore()] (undefined as null). Each label is reached once: a
// checkpoint in a loop body carries the loop's iteration numbers, and every
// generated function is called from one place only, so that two hosts' logs
// can be compared label by label whatever order their jobs ran in.
//
// What a program mixes, nested and concurrent: run() (awaited, started and left
// running, synchronous) and exit() of three storages, enterWith (also right
// after an await, and in expressions), await of settled and pending native
// promises, of 5 / null / undefined / a string, of foreign thenables (calling
// back at once, after a setTimeout, after a queueMicrotask), of Promise
// subclasses (one overriding then), of rejections caught by try/catch/finally
// (with awaits in the catch and finally blocks), return await, async arrows
// with expression bodies, async methods (object, class, static, private, class
// field arrows), Promise.all/race/allSettled/any of calls started together,
// setTimeout and queueMicrotask callbacks (sync and async) and then / catch /
// finally reactions, async generators consumed by for await, by hand and by
// yield* from another, for await over arrays, top-level awaits and code
// outside any run() (the module's own body, main's first part).
//
// Left out, each a documented limit of the carrier that the plugin does not
// lift (docs/browser-carrier.md "Limits", docs/plugin.md "What it does not
// reach"), so that a failure here is a finding and not a known limit:
// - enterWith where no job of the carrier encloses the code (the module's body
//   before its first await, main's part before its first await, and the part
//   before the first await of any async function called from there): there it
//   lasts until the end of the microtask checkpoint, not to the end of the
//   module's evaluation as in Node. An enterWith is generated only in a timer
//   or reaction callback or after an await (where all of the code up to the
//   next await is in a job), or, of storage S, in a run() of S's callback
//   there. Not of another storage: Node 24's run() puts back only its own
//   storage's store (and exit() of a storage with no store, nothing), so that
//   the other's enterWith reaches the code after the run().
// The page's entry runs in the module's last job (esbuild joins the program
// and the entry into one module body), after whatever the module's body
// entered (directly after a top-level await, or through a run() as above),
// where in Node another module calls main(): main() therefore runs its
// program in exit() of every storage, in both hosts.
// - unhandled rejections (their listeners' store is a documented limit):
//   every rejection is caught, every promise left running is tracked with a
//   handler.
// - `await using` (its implicit await is not rewritten), code that is not
//   bundled (eval, new Function), a `then` captured before the import, Promise
//   subclasses defined before the import (the program's are defined after
//   its import of als-wasm), promises whose value becomes a thenable after
//   they settle, an async function that reads p.constructor and returns p.
// - unless THEN_BODIES=0, checkpoints inside the body of a foreign
//   thenable's `then` (the engine calls it in a job of its own; the plugin
//   calls it in the awaiting frame, as Node does), and unless
//   CONCURRENT_NEXT=0, async generators whose next() is called again before
//   the last call settled (the body then resumes in the job that settles the
//   implicit await of `yield`'s operand, which the plugin rewrites).
import { rng } from '../../support/random.mjs';

export const IMPORT_PLACEHOLDER = '__ALS_MODULE__';

const STORAGES = ['A', 'B', 'C'];
// Deeper than this, a block holds only checkpoints and plain awaits.
const MAX_DEPTH = 4;

export function generate(seed, { thenBodies = true, concurrentNext = true } = {}) {
  return new Gen(seed >>> 0, { thenBodies, concurrentNext }).program();
}

const indent = (lines) => lines.map((l) => `  ${l}`);

class Gen {
  constructor(seed, opts) {
    this.seed = seed;
    this.random = rng(seed);
    this.opts = opts;
    this.counts = { c: 0, f: 0, s: 0, v: 0 };
    // Statements left for the whole program: it stays small.
    this.budget = this.int(20, 60);
  }

  int(lo, hi) {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  chance(p) {
    return this.random() < p;
  }
  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }
  // [[weight, value], …]
  weighted(table) {
    let r = this.random() * table.reduce((s, [w]) => s + w, 0);
    for (const [w, v] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table.at(-1)[1];
  }
  next(kind) {
    return ++this.counts[kind];
  }
  name(prefix) {
    return `${prefix}${this.next('v')}`;
  }

  // A checkpoint's label expression: unique per site, plus the iteration
  // numbers of the loops around it.
  label(ctx) {
    const id = `'c${this.next('c')}'`;
    return ctx.suffix ? `${id} + ${ctx.suffix}` : id;
  }
  cp(ctx) {
    return `cp(${this.label(ctx)});`;
  }
  store() {
    const storage = this.pick(STORAGES);
    return { storage, value: `'${storage}${this.next('s')}'` };
  }
  // The storages whose enterWith may be generated here: all of them where a
  // job of the carrier encloses the code (ctx.inJob), else those of the
  // run() callbacks around it (ctx.contained; see above).
  enterable(ctx) {
    return ctx.inJob ? STORAGES : (ctx.contained ?? []);
  }
  canEnter(ctx) {
    return this.enterable(ctx).length > 0;
  }
  enter(ctx) {
    const storage = this.pick(this.enterable(ctx));
    return `${storage}.enterWith('${storage}${this.next('s')}')`;
  }
  delay() {
    return this.pick([0, 0, 1, 2, 3, 5]);
  }

  program() {
    const top = { async: true, gen: false, inJob: false, depth: 1, suffix: null };
    const topLines = this.chance(0.6) ? this.stmts(top, this.int(1, 3)) : [];
    const main = { async: true, gen: false, inJob: false, depth: 0, suffix: null };
    const body = this.stmts(main, this.int(3, 7));
    return [
      `// seed ${this.seed}`,
      `import { AsyncLocalStorage } from '${IMPORT_PLACEHOLDER}';`,
      'const A = new AsyncLocalStorage();',
      'const B = new AsyncLocalStorage();',
      'const C = new AsyncLocalStorage();',
      'const log = [];',
      'const cp = (label) => { log.push([label, A.getStore() ?? null, B.getStore() ?? null, C.getStore() ?? null]); };',
      'const pending = [];',
      'const track = (p) => { pending.push(p.then(() => {}, () => {})); return p; };',
      'const sleep = (d) => new Promise((r) => setTimeout(r, d));',
      'const fail = (m) => { throw new Error(m); };',
      'class SubP extends Promise {}',
      'class ThenP extends Promise { then(a, b) { return super.then(a, b); } }',
      'const settled = Promise.resolve(7);',
      ...topLines,
      "// main() runs outside every store, whatever the module's body left",
      '// (the entry of a page runs in its last job: see above).',
      'export async function main(out) {',
      '  return A.exit(() => B.exit(() => C.exit(() => program(out))));',
      '}',
      'async function program(out) {',
      ...indent(body),
      '  while (pending.length > 0) await pending.shift();',
      '  out.push(...log);',
      '}',
      '',
    ].join('\n');
  }

  stmts(ctx, count) {
    const out = [];
    for (let i = 0; i < count; i++) out.push(...this.stmt(ctx));
    return out;
  }

  stmt(ctx) {
    this.budget--;
    const deep = this.budget <= 0 || ctx.depth >= MAX_DEPTH;
    const table = [[2, 'cp']];
    if (ctx.async) table.push([4, 'await']);
    if (this.canEnter(ctx)) table.push([1.5, 'enter']);
    if (!deep) {
      table.push([3, 'run'], [1.5, 'timer'], [1, 'then'], [1, 'detached']);
      if (ctx.async) table.push([3, 'call'], [1.5, 'try'], [1.5, 'all'], [1, 'forawait'], [1, 'expr'], [1, 'loop'], [0.7, 'recurse'], [1, 'handoff']);
      if (ctx.gen) table.push([2, 'yield'], [0.7, 'yieldStar']);
    } else if (ctx.gen) {
      table.push([1, 'yield']);
    }
    return this[`s_${this.weighted(table)}`](ctx);
  }

  s_cp(ctx) {
    return [this.cp(ctx)];
  }

  // await of a value that fulfills, a checkpoint after, sometimes an
  // enterWith right after the await.
  s_await(ctx) {
    const x = this.leaf(ctx);
    if (this.chance(0.15)) {
      // The await in the checkpoint's own arguments.
      const line = `cp(${this.label(ctx)} + (await ${x}, ''));`;
      ctx.inJob = true;
      return [line];
    }
    const lines = [this.chance(0.3) ? `const ${this.name('v')} = await ${x};` : `await ${x};`];
    ctx.inJob = true;
    if (this.canEnter(ctx) && this.chance(0.3)) lines.push(`${this.enter(ctx)};`);
    lines.push(this.cp(ctx));
    return lines;
  }

  s_enter(ctx) {
    return [`${this.enter(ctx)};`, this.cp(ctx)];
  }

  // A fulfilling value to await: native promises (settled, pending), plain
  // values, foreign thenables, subclass instances, inline async arrows.
  leaf(ctx) {
    const d = this.delay();
    const n = this.int(0, 9);
    const kinds = [
      () => `Promise.resolve(${n})`,
      () => 'settled',
      () => '5',
      () => 'null',
      () => 'undefined',
      () => `'s${n}'`,
      () => `sleep(${d})`,
      () => 'new Promise((r) => queueMicrotask(r))',
      () => `{ then(r) { r(${n}); } }`,
      () => `{ then(r) { setTimeout(() => r(${n}), ${d}); } }`,
      () => `{ then(r) { queueMicrotask(() => r(${n})); } }`,
      () => `SubP.resolve(${n})`,
      () => `new SubP((r) => setTimeout(r, ${d}))`,
      () => `ThenP.resolve(${n})`,
      () => `Promise.all([${this.leafValue()}, ${this.leafValue()}])`,
      () => `Promise.race([sleep(${d}), ${this.leafValue()}])`,
      () => `SubP.all([${this.leafValue()}, ${this.leafValue()}])`,
      () => `ThenP.race([sleep(${d}), ${this.leafValue()}])`,
      () => `new ThenP((r) => setTimeout(r, ${d}))`,
    ];
    if (this.opts.thenBodies) {
      kinds.push(
        () => `{ then(r) { ${this.cp(ctx)} r(${n}); } }`,
        () => `{ then(r) { setTimeout(() => { ${this.cp(ctx)} r(${n}); }, ${d}); } }`,
      );
    }
    if (ctx.depth < MAX_DEPTH && this.budget > 0 && this.chance(0.08)) {
      return `(async () => (${this.exprBody({ ...ctx, depth: ctx.depth + 1 }, false)}))()`;
    }
    return this.pick(kinds)();
  }

  // A fulfilling value for Promise.all / race, no checkpoint in it.
  leafValue() {
    return this.pick(['1', 'null', 'settled', `sleep(${this.delay()})`, '{ then(r) { r(2); } }', 'SubP.resolve(3)', 'Promise.resolve(4)']);
  }

  // A value whose await throws.
  rejecting() {
    const d = this.delay();
    return this.pick([
      "Promise.reject(new Error('r'))",
      `new Promise((_, j) => setTimeout(() => j(new Error('t')), ${d}))`,
      "{ then(_, j) { j(new Error('th')); } }",
      `{ then(_, j) { setTimeout(() => j(new Error('tl')), ${d}); } }`,
      "SubP.reject(new Error('s'))",
      "Promise.all([Promise.resolve(1), Promise.reject(new Error('a'))])",
      `Promise.race([Promise.reject(new Error('rr')), sleep(${d})])`,
    ]);
  }

  // The comma expression of an async arrow's expression body: awaits,
  // checkpoints, enterWith after an await; ends in a throw when `rejects`.
  exprBody(ctx, rejects) {
    const c = { ...ctx, async: true, gen: false };
    const parts = [this.cp(c).slice(0, -1)];
    for (let i = this.int(1, 3); i > 0; i--) {
      parts.push(`await ${this.leaf(c)}`);
      c.inJob = true;
      if (this.canEnter(c) && this.chance(0.25)) parts.push(this.enter(c));
      parts.push(this.cp(c).slice(0, -1));
    }
    if (rejects) parts.push(`fail('x${this.next('v')}')`);
    return parts.join(', ');
  }

  // An async function of some flavour, declared here and called once: its
  // declaration lines and the call expression. The part before its first
  // await runs where it is called: in ctx, or in a run() of `within` there.
  fn(ctx, { rejects = false, within = null } = {}) {
    const id = this.next('f');
    const contained = within ? [...(ctx.contained ?? []), within] : ctx.contained;
    const body = { async: true, gen: false, inJob: ctx.inJob, contained, depth: ctx.depth + 1, suffix: ctx.suffix };
    const flavor = this.pick(['decl', 'arrow', 'expr', 'object', 'class', 'static', 'field', 'private', 'returnAwait', 'returnFinally']);
    if (flavor === 'expr') {
      return { decl: [`const f${id} = async () => (${this.exprBody(body, rejects)});`], call: `f${id}()` };
    }
    const lines = this.stmts(body, this.int(1, 3));
    if (rejects) {
      if (this.chance(0.5)) lines.push(`await ${this.leaf(body)};`);
      lines.push(`throw new Error('f${id}');`);
    } else if (flavor === 'returnAwait') {
      lines.push(`return await ${this.leaf(body)};`);
    } else if (flavor === 'returnFinally') {
      // A return through a finally block that awaits.
      lines.push('try {', `  return await ${this.leaf(body)};`, '} finally {');
      body.inJob = true;
      lines.push(...indent([this.cp(body), `await ${this.leaf(body)};`, this.cp(body)]), '}');
    }
    const block = (head, tail = '}') => [head, ...indent(lines), tail];
    switch (flavor) {
      case 'arrow':
        return { decl: block(`const f${id} = async () => {`, '};'), call: `f${id}()` };
      case 'object':
        return { decl: [`const o${id} = {`, ...indent(block('async m() {', '},')), '};'], call: `o${id}.m()` };
      case 'class':
        return { decl: [`class K${id} {`, ...indent(block('async m() {')), '}'], call: `new K${id}().m()` };
      case 'static':
        return { decl: [`class K${id} {`, ...indent(block('static async s() {')), '}'], call: `K${id}.s()` };
      case 'field':
        return { decl: [`class K${id} {`, ...indent(block('f = async () => {', '};')), '}'], call: `new K${id}().f()` };
      case 'private':
        return {
          decl: [`class K${id} {`, ...indent(block('async #p() {')), '  go() { return this.#p(); }', '}'],
          call: `new K${id}().go()`,
        };
      default:
        return { decl: block(`async function f${id}() {`), call: `f${id}()` };
    }
  }

  // An async function called here: awaited, left running (tracked), or
  // followed by a reaction.
  s_call(ctx) {
    const mode = this.pick(['await', 'await', 'await', 'detached', 'then', 'value']);
    const { decl, call } = this.fn(ctx);
    if (mode === 'detached') return [...decl, `track(${call});`, this.cp(ctx)];
    if (mode === 'then') {
      const cb = this.syncBody({ ...ctx, inJob: true, depth: ctx.depth + 1 });
      return [...decl, `track(${call}.then(() => {`, ...indent(cb), '}));', this.cp(ctx)];
    }
    const lines = [...decl, mode === 'value' ? `const ${this.name('v')} = await ${call};` : `await ${call};`];
    ctx.inJob = true;
    return [...lines, this.cp(ctx)];
  }

  // A plain for loop whose body awaits (first thing), sometimes leaving an
  // iteration by continue or break through a finally block that awaits.
  s_loop(ctx) {
    const j = this.name('j');
    const suffix = ctx.suffix ? `${ctx.suffix} + '.' + ${j}` : `'.' + ${j}`;
    const c = { ...ctx, depth: ctx.depth + 1, suffix };
    const body = [`await ${this.leaf(c)};`];
    c.inJob = true;
    body.push(this.cp(c), ...this.stmts(c, this.int(0, 2)));
    const jump = this.pick([null, null, 'continue', 'break']);
    if (jump) {
      body.push('try {', `  await ${this.leaf(c)};`, `  if (${j} === 0) ${jump};`, `  ${this.cp(c)}`, '} finally {');
      body.push(...indent([this.cp(c), `await ${this.leaf(c)};`, this.cp(c)]), '}');
    }
    ctx.inJob = true;
    return [`for (let ${j} = 0; ${j} < ${this.int(2, 3)}; ${j}++) {`, ...indent(body), '}', this.cp(ctx)];
  }

  // An async function that calls itself (in a run() or not) a few levels
  // deep: several activations of one function pending at once.
  s_recurse(ctx) {
    const id = this.next('f');
    const n = `n${id}`;
    const suffix = ctx.suffix ? `${ctx.suffix} + '.' + ${n}` : `'.' + ${n}`;
    const { storage } = this.store();
    const call = this.chance(0.5) ? `${storage}.run('${storage}${this.next('s')}.' + ${n}, () => r${id}(${n} - 1))` : `r${id}(${n} - 1)`;
    // The same text runs in every activation: the first one's first part
    // where it is called (ctx), the others' where the one before calls them.
    const body = { async: true, gen: false, inJob: ctx.inJob, contained: ctx.contained, depth: ctx.depth + 1, suffix };
    const lines = this.stmts(body, this.int(1, 2));
    // Not an await where n is 0: body.inJob stays as it was.
    lines.push(this.chance(0.7) ? `if (${n} > 0) await ${call};` : `if (${n} > 0) track(${call});`);
    lines.push(...this.stmts(body, this.int(1, 2)));
    const decl = [`async function r${id}(${n}) {`, ...indent(lines), '}'];
    const mode = this.pick(['await', 'await', 'detached']);
    if (mode === 'detached') return [...decl, `track(r${id}(${this.int(1, 3)}));`, this.cp(ctx)];
    const line = `await r${id}(${this.int(1, 3)});`;
    ctx.inJob = true;
    return [...decl, line, this.cp(ctx)];
  }

  // A promise (or a thenable) that another flow settles: the await resumes
  // in the awaiting flow, the other flow's run() around the settling call.
  s_handoff(ctx) {
    const settle = this.name('settle');
    const p = this.name('p');
    const { storage, value } = this.store();
    const thenable = this.chance(0.4);
    const rejects = !thenable && this.chance(0.3);
    const decl = thenable
      ? [`let ${settle} = null;`, `const ${p} = { then(r) { ${settle} = r; } };`]
      : [`let ${settle};`, `const ${p} = new Promise((r, j) => { ${settle} = ${rejects ? "() => j(new Error('h'))" : 'r'}; });`];
    const contained = [...(ctx.contained ?? []), storage];
    const other = { async: true, gen: false, inJob: ctx.inJob, contained, depth: ctx.depth + 1, suffix: ctx.suffix };
    const body = [...this.stmts(other, this.int(0, 1)), `${thenable ? `while (${settle} === null) ` : ''}await sleep(${this.delay()});`];
    body.push(this.cp(other), `${settle}(${this.int(0, 9)});`, this.cp(other));
    const lines = [...decl, `track(${storage}.run(${value}, async () => {`, ...indent(body), '}));'];
    if (rejects) lines.push('try {', `  await ${p};`, `} catch {`, `  ${this.cp({ ...ctx, inJob: true })}`, '}');
    else lines.push(`await ${p};`);
    ctx.inJob = true;
    return [...lines, this.cp(ctx)];
  }

  s_detached(ctx) {
    const { decl, call } = this.fn(ctx);
    return [...decl, `track(${call});`];
  }

  s_expr(ctx) {
    const c = { ...ctx, depth: ctx.depth + 1 };
    const line = `await (async () => (${this.exprBody(c, false)}))();`;
    ctx.inJob = true;
    return [line, this.cp(ctx)];
  }

  // Statements of a synchronous callback (no await).
  syncBody(ctx) {
    const c = { ...ctx, async: false, gen: false };
    return [this.cp(c), ...this.stmts(c, this.int(0, 2))];
  }

  s_run(ctx) {
    const { storage, value } = this.store();
    const method = this.chance(0.15) ? 'exit' : 'run';
    const head = method === 'run' ? `${storage}.run(${value}, ` : `${storage}.exit(`;
    // Node's exit() puts nothing back when the store was undefined already.
    const within = method === 'run' ? storage : null;
    const inner = { ...ctx, contained: [...(ctx.contained ?? []), ...(within ? [within] : [])], depth: ctx.depth + 1 };
    const modes = ['sync', 'detached', 'call'];
    if (ctx.async) modes.push('await', 'await', 'awaitCall');
    const mode = this.pick(modes);
    if (mode === 'sync') {
      return [`${head}() => {`, ...indent(this.syncBody(inner)), '});', this.cp(ctx)];
    }
    if (mode === 'call' || mode === 'awaitCall') {
      const { decl, call } = this.fn(ctx, { within });
      if (mode === 'call') return [...decl, `track(${head}() => ${call}));`, this.cp(ctx)];
      ctx.inJob = true;
      return [...decl, `await ${head}() => ${call});`, this.cp(ctx)];
    }
    const body = this.stmts({ ...inner, async: true, gen: false }, this.int(1, 4));
    if (mode === 'detached') return [`track(${head}async () => {`, ...indent(body), '}));', this.cp(ctx)];
    ctx.inJob = true;
    return [`await ${head}async () => {`, ...indent(body), '});', this.cp(ctx)];
  }

  s_timer(ctx) {
    const d = this.delay();
    const inner = { ...ctx, inJob: true, depth: ctx.depth + 1 };
    const async = this.chance(0.35);
    const body = async ? this.stmts({ ...inner, async: true, gen: false }, this.int(1, 3)) : this.syncBody(inner);
    const [open, close] = this.chance(0.6) ? ['setTimeout(', `, ${d})`] : ['queueMicrotask(', ')'];
    const done = this.name('done');
    return [`track(new Promise((${done}) => ${open}${async ? 'async ' : ''}() => {`, ...indent([...body, `${done}();`]), `}${close}));`, this.cp(ctx)];
  }

  s_then(ctx) {
    const d = this.delay();
    const inner = { ...ctx, inJob: true, depth: ctx.depth + 1 };
    const kind = this.pick(['then', 'then', 'catch', 'finally', 'asyncThen']);
    if (kind === 'catch') {
      const rejected = this.pick([
        "Promise.reject(new Error('c'))",
        `new Promise((_, j) => setTimeout(() => j(new Error('ct')), ${d}))`,
        "SubP.reject(new Error('cs'))",
      ]);
      return [`track(${rejected}.catch(() => {`, ...indent(this.syncBody(inner)), '}));', this.cp(ctx)];
    }
    const base = this.pick(['Promise.resolve(1)', 'settled', `sleep(${d})`, 'SubP.resolve(2)', 'ThenP.resolve(3)', 'new Promise((r) => queueMicrotask(r))']);
    if (kind === 'asyncThen') {
      const body = this.stmts({ ...inner, async: true, gen: false }, this.int(1, 3));
      return [`track(${base}.then(async () => {`, ...indent(body), '}));', this.cp(ctx)];
    }
    return [`track(${base}.${kind}(() => {`, ...indent(this.syncBody(inner)), '}));', this.cp(ctx)];
  }

  // A rejection caught by try/catch/finally, with awaits in the catch and
  // finally blocks; sometimes a try/finally inside a try/catch.
  s_try(ctx) {
    const lines = ['try {'];
    const tryBody = this.stmts(ctx, this.int(0, 2));
    const how = this.pick(['await', 'await', 'fn', 'sync']);
    let throwing;
    let decl = [];
    if (how === 'await') throwing = `await ${this.rejecting()};`;
    else if (how === 'sync') throwing = "fail('sync');";
    else {
      const f = this.fn(ctx, { rejects: true });
      decl = f.decl;
      throwing = `await ${f.call};`;
    }
    const inner = this.chance(0.3);
    if (inner) {
      lines.push(...indent(tryBody), '  try {', `    ${throwing}`, '  } finally {');
      if (how !== 'sync') ctx.inJob = true;
      lines.push(...indent(indent([this.cp(ctx), ...this.stmts(ctx, this.int(0, 2))])), '  }');
    } else {
      lines.push(...indent(tryBody), `  ${throwing}`);
      if (how !== 'sync') ctx.inJob = true;
    }
    lines.push(`} catch${this.chance(0.7) ? ' (e)' : ''} {`);
    lines.push(...indent([this.cp(ctx), ...this.stmts(ctx, this.int(0, 2))]));
    if (this.chance(0.5)) {
      lines.push('} finally {', ...indent([this.cp(ctx), ...this.stmts(ctx, this.int(0, 2))]));
    }
    lines.push('}', this.cp(ctx));
    return [...decl, ...lines];
  }

  // Promise.all / race / allSettled / any of calls started together.
  s_all(ctx) {
    const op = this.pick(['all', 'all', 'race', 'allSettled', 'any']);
    const decls = [];
    const items = [];
    for (let i = this.int(2, 4); i > 0; i--) {
      const kind = this.pick(['call', 'call', 'run', 'runCall', 'leaf']);
      if (kind === 'leaf') {
        items.push(this.leafValue());
      } else if (kind === 'call') {
        const rejects = op === 'allSettled' && this.chance(0.4);
        const f = this.fn(ctx, { rejects });
        decls.push(...f.decl);
        items.push(`track(${f.call})`);
      } else if (kind === 'runCall') {
        const { storage, value } = this.store();
        const f = this.fn(ctx, { within: storage });
        decls.push(...f.decl);
        items.push(`track(${storage}.run(${value}, () => ${f.call}))`);
      } else {
        const { storage, value } = this.store();
        const contained = [...(ctx.contained ?? []), storage];
        const body = this.stmts({ ...ctx, contained, async: true, gen: false, depth: ctx.depth + 1 }, this.int(1, 3));
        items.push([`track(${storage}.run(${value}, async () => {`, ...indent(body), '}))']);
      }
    }
    const lines = [...decls, `await Promise.${op}([`];
    for (const item of items) {
      if (Array.isArray(item)) lines.push(...indent([...item.slice(0, -1), `${item.at(-1)},`]));
      else lines.push(`  ${item},`);
    }
    lines.push(']);');
    ctx.inJob = true;
    return [...lines, this.cp(ctx)];
  }

  // An async generator (its body: statements, yields, yield* of another
  // generator or of an array), consumed by for await, by hand, or an array
  // of values consumed by for await.
  s_forawait(ctx) {
    const mode = this.pick(['loop', 'loop', 'manual', 'array', ...(this.opts.concurrentNext ? ['concurrent'] : [])]);
    const loopBody = (suffixVar) => {
      const suffix = ctx.suffix ? `${ctx.suffix} + '.' + ${suffixVar}` : `'.' + ${suffixVar}`;
      const c = { ...ctx, inJob: true, depth: ctx.depth + 1, suffix };
      return [this.cp(c), ...this.stmts(c, this.int(0, 2))];
    };
    if (mode === 'array') {
      const i = this.name('i');
      const k = this.name('k');
      const values = Array.from({ length: this.int(1, 3) }, () => this.leafValue());
      const lines = [`let ${i} = 0;`, `for await (const ${this.name('v')} of [${values.join(', ')}]) {`, `  const ${k} = ${i}++;`, ...indent(loopBody(k)), '}'];
      ctx.inJob = true;
      return [...lines, this.cp(ctx)];
    }
    const { decl, name, yields } = this.generator(ctx);
    const lines = [...decl];
    if (mode === 'loop') {
      const i = this.name('i');
      const k = this.name('k');
      lines.push(`let ${i} = 0;`, `for await (const ${this.name('v')} of ${name}()) {`, `  const ${k} = ${i}++;`, ...indent(loopBody(k)), '}');
    } else if (mode === 'manual') {
      const it = this.name('it');
      lines.push(`const ${it} = ${name}();`);
      for (let n = 0; n <= yields; n++) lines.push(`await ${it}.next();`, this.cp({ ...ctx, inJob: true }));
    } else {
      const it = this.name('it');
      const calls = Array.from({ length: yields + 1 }, () => `${it}.next()`);
      lines.push(`const ${it} = ${name}();`, `await Promise.all([${calls.join(', ')}]);`);
    }
    ctx.inJob = true;
    return [...lines, this.cp(ctx)];
  }

  // An async generator's declaration; `yields`: how many values it yields
  // (a yield* of another counts that one's).
  generator(ctx) {
    const name = `g${this.next('f')}`;
    const body = { async: true, gen: true, inJob: ctx.inJob, contained: ctx.contained, depth: ctx.depth + 1, suffix: ctx.suffix, yields: 0 };
    const lines = this.stmts(body, this.int(1, 3));
    if (body.yields === 0) lines.push(...this.s_yield(body));
    return { decl: [`async function* ${name}() {`, ...indent(lines), '}'], name, yields: body.yields };
  }

  s_yield(ctx) {
    ctx.yields++;
    const line = `yield ${this.pick(['1', 'null', 'settled', 'Promise.resolve(2)', `sleep(${this.delay()})`, 'SubP.resolve(3)'])};`;
    ctx.inJob = true;
    return [line, this.cp(ctx)];
  }

  s_yieldStar(ctx) {
    if (this.chance(0.3)) {
      ctx.yields += 2;
      ctx.inJob = true;
      return ['yield* [1, settled];', this.cp(ctx)];
    }
    const inner = this.generator(ctx);
    ctx.yields += inner.yields;
    ctx.inJob = true;
    return [...inner.decl, `yield* ${inner.name}();`, this.cp(ctx)];
  }
}
