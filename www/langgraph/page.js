// The page: five users' questions run at once, each its own agent run on its
// own thread; each stops at interrupt() for a person's review and resumes on
// a click, in whatever order the person answers. Publishes what it saw as
// globalThis.__agents for the end-to-end test.
import { mulberry32 } from '../rng.js';
import { summary, spanVerdicts } from './checks.js';
import { agentGraph } from './graph.js';
import { ScriptedChatModel } from './model.js';
import { QUESTIONS, threadOf } from './questions.js';
import { newRun, runner } from './runs.js';
import { collector, startTracing } from './tracing.js';
import { drawRun, makeCard } from './view.js';

const VARIANTS = {
  'als-wasm': 'als-wasm, bundled with its plugin',
  'als-wasm-no-plugin': 'als-wasm, bundled without its plugin',
  control: 'no als-wasm: LangChain’s default, and the web SDK’s StackContextManager',
};
const $ = (id) => document.getElementById(id);

export function start({ variant, contextManager }) {
  startTracing(contextManager);
  const seed = Number(new URLSearchParams(location.search).get('seed') ?? Date.now() % 1e6);
  const runs = QUESTIONS.map((q, i) => newRun(i, threadOf(i), q));
  const byThread = new Map(runs.map((r) => [r.thread, r]));

  // Each run's latencies come from its own seeded generator: ?seed= replays them.
  const random = new Map(runs.map((r) => [r.thread, mulberry32(seed * 31 + r.index)]));
  const delay = (thread) => Math.round(150 + random.get(thread)() * 750);
  const model = new ScriptedChatModel({ runs: new Map(QUESTIONS.map((q, i) => [q.user, { thread: threadOf(i), draft: q.draft }])), delay });
  const graph = agentGraph({
    model,
    delay,
    phaseOf: (thread) => byThread.get(thread).phase,
    note: (thread, read) => {
      byThread.get(thread).reads.push(read);
      changed();
    },
  });
  const { ask, resume } = runner({ graph, changed });

  const cards = new Map(runs.map((r) => [r.thread, makeCard(r, (decision) => resume(r, decision))]));
  $('runs').replaceChildren(...[...cards.values()].map((c) => c.card));

  let pending = false;
  function changed() {
    if (pending) return;
    pending = true;
    setTimeout(draw, 30);
  }
  function draw() {
    pending = false;
    const verdicts = spanVerdicts(collector.spans);
    for (const r of runs) drawRun(cards.get(r.thread), r, collector.spans, verdicts);
    const settled = runs.every((r) => r.status === 'done' || r.status === 'failed');
    const counts = summary(runs, collector.spans);
    $('summary').replaceChildren(describe(runs, counts, settled));
    $('summary').className = !settled ? '' : counts.reads.kept + counts.answers.kept + counts.spans.kept === total(counts) ? 'ok' : 'bad';
    // A copy, so that what the test reads always matches the counts drawn.
    globalThis.__agents = structuredClone({ variant, seed, settled, runs, spans: collector.spans, counts });
  }
  collector.onChange = changed;

  $('variant').textContent = VARIANTS[variant];
  for (const r of runs) ask(r);
}

const total = (counts) => Object.values(counts).reduce((n, c) => n + c.kept + c.lost + c.mixed, 0);
const line = (what, c) => `${what}: ${c.kept} kept, ${c.lost} lost, ${c.mixed} mixed`;

// The counts once every run has finished or failed (a read not made yet
// would count as lost before).
function describe(runs, counts, settled) {
  const count = (status) => runs.filter((r) => r.status === status).length;
  if (!settled) return `${count('waiting')} of ${runs.length} runs wait for your review, ${count('done')} done.`;
  const head = count('failed')
    ? `${count('failed')} of ${runs.length} runs failed. `
    : `All ${runs.length} runs finished${counts.answers.kept === runs.length ? ', each with its own answer' : ''}. `;
  return `${head}${line('getConfig() and interrupt() reads', counts.reads)}; ${line('answers', counts.answers)}; ${line('spans', counts.spans)}.`;
}
