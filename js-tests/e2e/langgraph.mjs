// The LangGraph agents page: five agent runs at once, each on its own
// thread, stop at interrupt(); the test answers them in a shuffled order
// (approve, edit, reject), the last three at once so that their resumes
// overlap. Every run must finish with the answer its own decision asks for,
// every getConfig() in a node must name its own thread, interrupt() must
// answer its own decision, and every span must hang under the span that
// made it, in its run's trace. The counts are made here from the raw data,
// against this file's own tree of spans, and must equal the page's. The
// same page without als-wasm/plugin and without als-wasm must fail as
// documented (so a change in LangChain is noticed).

// How long the runs may take to settle: without the plugin every await in
// LangChain's 2.9 MB takes the engine's slow path, which costs most in
// WebKit, and a shared CI machine is slower still.
const SETTLE_MS = 120_000;

// The spans each run makes, and the span each hangs under.
const PARENT = {
  'agent run': null,
  'graph.invoke': 'agent run',
  'node research': 'graph.invoke',
  'tool search docs': 'node research',
  'model draft': 'node research',
  'node review': 'graph.invoke',
  'graph.invoke (resume)': 'agent run',
  'node review (resumed)': 'graph.invoke (resume)',
  'node finalize': 'graph.invoke (resume)',
  'model final': 'node finalize',
};
// The spans the page opens itself, outside the graph.
const OUTSIDE = ['agent run', 'graph.invoke', 'graph.invoke (resume)'];
// Where each run reads its context: getConfig() in each node, and the decision interrupt() answered.
const SITES = ['research', 'review', 'review (resumed)', 'interrupt() answered', 'finalize'];
const RUNS = 5;
const INTERRUPT_ERROR = 'Called interrupt() outside the context of a graph.';

const state = (page) => page.evaluate(() => globalThis.__agents);
const verdict = (own, seen) => (seen === own ? 'kept' : seen === undefined || seen === null ? 'lost' : 'mixed');
const tally = (verdicts) => ({
  kept: verdicts.filter((v) => v === 'kept').length,
  lost: verdicts.filter((v) => v === 'lost').length,
  mixed: verdicts.filter((v) => v === 'mixed').length,
});

async function settledState(page, what) {
  await page.waitForFunction(() => globalThis.__agents?.runs.every((r) => r.status !== 'running' && r.status !== 'resuming'), null, { timeout: SETTLE_MS });
  const s = await state(page);
  if (s.runs.length !== RUNS) throw new Error(`${what}: ${s.runs.length} runs, not ${RUNS}`);
  if (new Set(s.runs.map((r) => r.thread)).size !== RUNS) throw new Error(`${what}: runs share a thread_id`);
  return s;
}

// Each span (by its run's claim and its name) against PARENT: lost when it
// hangs in no run's trace (or was never made), mixed when under any other span.
function countSpans(spans, { expectAll }) {
  const roots = new Map(spans.filter((s) => s.name === 'agent run').map((s) => [s.claim.run, s]));
  const runTraces = new Set([...roots.values()].map((s) => s.trace));
  const find = (run, name) => spans.find((s) => s.claim.run === run && s.name === name);
  const byName = Object.fromEntries(expectAll.map((name) => [name, []]));
  for (const s of spans) {
    if (!expectAll.includes(s.name)) throw new Error(`unexpected span ${s.name}`);
    if (find(s.claim.run, s.name) !== s) throw new Error(`${s.claim.run} made two ${s.name} spans`);
    if (!s.ended) throw new Error(`${s.name} of ${s.claim.run} never ended`);
    if (s.claim.parent !== PARENT[s.name]) throw new Error(`${s.name} claims ${s.claim.parent}, not ${PARENT[s.name]}`);
    const expected = PARENT[s.name] === null ? null : find(s.claim.run, PARENT[s.name]);
    let v;
    if (expected === null) v = s.parent === null ? 'kept' : 'mixed';
    else if (s.parent === null || !runTraces.has(s.trace) || expected === undefined) v = 'lost';
    else v = s.parent === expected.id && s.trace === roots.get(s.claim.run).trace ? 'kept' : 'mixed';
    byName[s.name].push(v);
  }
  for (const run of roots.keys()) for (const name of expectAll) if (!find(run, name)) byName[name].push('lost');
  return { ...tally(Object.values(byName).flat()), byName: Object.fromEntries(Object.entries(byName).map(([n, vs]) => [n, tally(vs)])) };
}

function countReads(runs) {
  return tally(
    runs.flatMap((r) => {
      for (const read of r.reads) if (!SITES.includes(read.node)) throw new Error(`${r.thread} read at an unknown site ${read.node}`);
      return SITES.map((site) => verdict(r.thread, r.reads.find((x) => x.node === site)?.thread));
    }),
  );
}

const expectedAnswer = (user, { action, text }) => (action === 'reject' ? `Sorry ${user}, a person will answer you shortly.` : `Sent to ${user}: "${text}"`);

function countAnswers(runs, decisions) {
  return tally(
    runs.map((r) => {
      const want = decisions.get(r.thread);
      if (r.decision?.action !== want.action || r.decision?.text !== want.text) throw new Error(`${r.thread}: the page sent ${JSON.stringify(r.decision)}, not ${JSON.stringify(want)}`);
      if (r.answer == null) return 'lost';
      return r.answer === expectedAnswer(r.user, want) ? 'kept' : 'mixed';
    }),
  );
}

const same = (a, b) => ['kept', 'lost', 'mixed'].every((k) => a[k] === b[k]);
const show = (c) => `${c.kept} kept / ${c.lost} lost / ${c.mixed} mixed`;

function checkPageCounts(page, ours) {
  for (const k of ['reads', 'answers', 'spans']) {
    if (!same(page[k], ours[k])) throw new Error(`the page counted ${k} ${show(page[k])}, the test ${show(ours[k])}`);
  }
}

// A seeded shuffle (mulberry32), so a failure replays.
function shuffled(items, seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// Every run stopped at interrupt() with its own draft: kept / lost / mixed.
function countInterrupts(runs) {
  return tally(runs.map((r) => (r.status === 'waiting' ? verdict(r.thread, r.interrupt?.thread) : 'lost')));
}

// Answers every run in a shuffled order: the first two by clicks, one after
// the other (then `shot`, with three still waiting), the last three at once.
// Returns the decisions and the order.
async function answerAll(page, runs, seed, shot) {
  const ACTIONS = ['approve', 'edit', 'reject'];
  const order = shuffled(runs, seed);
  const decisions = new Map();
  for (const [i, r] of order.entries()) {
    const action = ACTIONS[i % ACTIONS.length];
    const text = action === 'edit' ? `${r.user}, checked by a person: ${r.interrupt.draft}` : r.interrupt.draft;
    decisions.set(r.thread, { action, text });
    if (action === 'edit') await page.fill(`[data-thread="${r.thread}"] textarea.draft`, text);
  }
  const button = (r) => `[data-thread="${r.thread}"] button.${decisions.get(r.thread).action === 'reject' ? 'reject' : 'approve'}`;
  const done = (threads) =>
    page.waitForFunction((ts) => ts.every((t) => ['done', 'failed'].includes(globalThis.__agents.runs.find((r) => r.thread === t).status)), threads, { timeout: SETTLE_MS });
  for (const r of order.slice(0, 2)) await page.click(button(r));
  await done(order.slice(0, 2).map((r) => r.thread));
  await shot?.();
  // The last three in one task, so that their resumes surely overlap.
  await page.evaluate((selectors) => {
    for (const s of selectors) document.querySelector(s).click();
  }, order.slice(2).map(button));
  await done(order.map((r) => r.thread));
  return { decisions, order };
}

// The last three resumes ran at the same time: each began before the one
// started before it had ended (counted, not assumed).
function checkOverlap(spans, threads) {
  const resumes = threads.map((t) => spans.find((s) => s.claim.run === t && s.name === 'graph.invoke (resume)')).sort((a, b) => a.start - b.start);
  const overlaps = resumes.slice(1).filter((s, i) => s.start < resumes[i].end).length;
  if (!overlaps) throw new Error('the last three resumes did not overlap');
  return overlaps;
}

export const tests = [
  {
    name: 'langgraph: 5 agent runs stop at interrupt(), resume in a shuffled order, each with its own answer, config and spans',
    async run(page, { base, shot }) {
      const seed = 7;
      await page.goto(`${base}/langgraph/?seed=${seed}`);
      const asked = await settledState(page, 'after the first invoke');
      if (asked.variant !== 'als-wasm') throw new Error(`ran the ${asked.variant} build`);
      const interrupts = countInterrupts(asked.runs);
      if (interrupts.kept !== RUNS) throw new Error(`interrupt() stopped runs with their own draft: ${show(interrupts)}`);
      const shown = await page.locator('.run .review:not([hidden])').count();
      if (shown !== RUNS) throw new Error(`${shown} review controls shown for ${RUNS} waiting runs`);
      const { decisions, order } = await answerAll(page, asked.runs, seed, () => shot('langgraph'));
      const s = await settledState(page, 'after the resumes');
      if (!s.settled) throw new Error('the page did not say it settled');
      const ours = { reads: countReads(s.runs), answers: countAnswers(s.runs, decisions), spans: countSpans(s.spans, { expectAll: Object.keys(PARENT) }) };
      const wrong = Object.entries(ours).filter(([, c]) => c.lost || c.mixed);
      if (wrong.length) throw new Error(wrong.map(([k, c]) => `${k} ${show(c)}`).join(', '));
      if (new Set(s.spans.map((x) => x.trace)).size !== RUNS) throw new Error('not one trace per run');
      checkPageCounts(s.counts, ours);
      const overlaps = checkOverlap(s.spans, order.slice(2).map((r) => r.thread));
      if (!(await page.textContent('#summary')).startsWith(`All ${RUNS} runs finished`)) throw new Error('the summary does not say every run finished');
      await shot('langgraph-done');
      console.log(
        `langgraph: ${RUNS} runs answered in the order ${order.map((r) => `${r.thread.at(-1)}:${decisions.get(r.thread).action}`).join(' ')} (${overlaps} of the last resumes overlapping): ` +
          `interrupts ${show(interrupts)}, getConfig()/interrupt() reads ${show(ours.reads)}, answers ${show(ours.answers)}, spans ${show(ours.spans)}`,
      );
    },
  },
  {
    name: 'langgraph: bundled without als-wasm/plugin, every run keeps its config, and the spans opened in the graph lose their parent',
    async run(page, { base, shot }) {
      await page.goto(`${base}/langgraph/?seed=11&plugin=off`);
      const asked = await settledState(page, 'after the first invoke');
      if (asked.variant !== 'als-wasm-no-plugin') throw new Error(`ran the ${asked.variant} build`);
      const interrupts = countInterrupts(asked.runs);
      if (interrupts.kept !== RUNS) throw new Error(`interrupt() stopped runs with their own draft: ${show(interrupts)}`);
      const { decisions } = await answerAll(page, asked.runs, 11);
      const s = await settledState(page, 'after the resumes');
      const ours = { reads: countReads(s.runs), answers: countAnswers(s.runs, decisions), spans: countSpans(s.spans, { expectAll: Object.keys(PARENT) }) };
      if (ours.reads.kept !== RUNS * SITES.length || ours.answers.kept !== RUNS) throw new Error(`reads ${show(ours.reads)}, answers ${show(ours.answers)}`);
      // LangChain awaits plain values before it calls a node, and then
      // re-enters its own store only: without the plugin every span opened
      // in the graph starts a new trace; none hangs in another run.
      for (const [name, c] of Object.entries(ours.spans.byName)) {
        const want = OUTSIDE.includes(name) ? { kept: RUNS, lost: 0, mixed: 0 } : { kept: 0, lost: RUNS, mixed: 0 };
        if (!same(c, want)) throw new Error(`${name}: ${show(c)}, expected ${show(want)}`);
      }
      checkPageCounts(s.counts, ours);
      await shot('langgraph-no-plugin');
      console.log(`langgraph without the plugin: reads ${show(ours.reads)}, answers ${show(ours.answers)}, spans ${show(ours.spans)} (every span opened in the graph lost)`);
    },
  },
  {
    name: "langgraph: without als-wasm, interrupt() throws LangGraph's own error, getConfig() answers nothing, spans in the graph are lost",
    async run(page, { base, shot }) {
      await page.goto(`${base}/langgraph/?seed=7&als=off`);
      const s = await settledState(page, 'the control');
      if (s.variant !== 'control') throw new Error(`ran the ${s.variant} build`);
      if (!s.settled) throw new Error('the page did not say it settled');
      const errors = s.runs.filter((r) => r.status === 'failed' && r.error === INTERRUPT_ERROR).length;
      if (errors !== RUNS) throw new Error(`${errors} of ${RUNS} runs failed with "${INTERRUPT_ERROR}": ${JSON.stringify(s.runs.map((r) => [r.status, r.error]))}`);
      if ((await page.locator('.run .review:not([hidden])').count()) !== 0) throw new Error('a review control is shown');
      const reads = countReads(s.runs);
      if (!same(reads, { kept: 0, lost: RUNS * SITES.length, mixed: 0 })) throw new Error(`reads ${show(reads)}`);
      const spans = countSpans(s.spans, { expectAll: Object.keys(PARENT).slice(0, 6) });
      for (const [name, c] of Object.entries(spans.byName)) {
        const want = OUTSIDE.includes(name) ? { kept: RUNS, lost: 0, mixed: 0 } : { kept: 0, lost: RUNS, mixed: 0 };
        if (!same(c, want)) throw new Error(`${name}: ${show(c)}, expected ${show(want)}`);
      }
      checkPageCounts(s.counts, { reads, answers: { kept: 0, lost: RUNS, mixed: 0 }, spans });
      await shot('langgraph-control');
      console.log(`langgraph without als-wasm: ${errors} of ${RUNS} runs threw "${INTERRUPT_ERROR}", reads ${show(reads)}, spans ${show(spans)}`);
    },
  },
];
