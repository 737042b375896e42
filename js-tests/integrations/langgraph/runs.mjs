// The 20 concurrent runs, in a page or a Service Worker: each run has its
// own thread_id, callback handler and question; it is invoked until
// interrupt() stops it, then resumed with Command({ resume }) carrying its
// own human's reply. Counts every check as kept (its own run's value), lost
// (nothing, or an error) or leaked (another run's value), per kind of check.
import { awaitAllCallbacks } from '@langchain/core/callbacks/promises';
import { Command } from '@langchain/langgraph';
import { FLOWS } from './expect.mjs';
import { ScriptedChatModel, taggedThread, threadTag } from './fake-model.mjs';
import { agentGraph, SITES } from './graph.mjs';
import { pauses } from './pauses.mjs';
import { Recorder } from './recorder.mjs';

const KINDS = ['config', 'input', 'interrupt', 'resume', 'callbacks'];

// The answer a run must finish with, as the scripted model writes it.
function expectedAnswer(thread, question, approvedBy) {
  const draft = `draft: ${threadTag(thread)}: ${question}`;
  return `final: ${threadTag(thread)}: ${draft} (approved by ${approvedBy})`;
}

// Whose answer a run finished with: its own (the expected text), another
// thread's (that thread's tag, or that thread's human's approval), or nobody's.
function answeredBy(answer, expected, thread) {
  if (answer === expected) return thread;
  const tagged = taggedThread(answer);
  if (tagged !== undefined && tagged !== thread) return tagged;
  const human = /approved by human-(\d+)\)$/.exec(String(answer))?.[1];
  return human !== undefined && `thread-${human}` !== thread ? `thread-${human}` : undefined;
}

export async function runFlows({ seed, dispatch }) {
  const counts = Object.fromEntries(KINDS.map((k) => [k, { kept: 0, lost: 0, leaked: 0 }]));
  const errors = new Map(); // message -> times
  const problems = [];
  const count = (kind, own, seen, where) => {
    const verdict = seen === own ? 'kept' : seen === undefined ? 'lost' : 'leaked';
    counts[kind][verdict]++;
    if (verdict !== 'kept' && problems.length < 8) problems.push(`${own} ${kind} at ${where}: ${verdict}${seen ? ` (saw ${seen})` : ''}`);
  };
  const error = (message) => errors.set(message, (errors.get(message) ?? 0) + 1);

  const traces = [];
  const { pause, done } = pauses(seed);
  const model = new ScriptedChatModel({ pause });
  const graph = agentGraph({ model, pause, dispatch, trace: (t) => traces.push(t) });

  async function flow(i) {
    const thread = `thread-${i}`;
    const question = `question ${i} of seed ${seed}`;
    const approvedBy = `human-${i}`;
    const handler = new Recorder(thread);
    const config = { configurable: { thread_id: thread }, callbacks: [handler] };
    let first;
    let second;
    try {
      first = await graph.invoke({ thread, question }, config);
    } catch (e) {
      error(`first invoke: ${e.message}`);
    }
    count('interrupt', thread, first?.__interrupt__?.[0]?.value?.thread, 'the first invoke');
    await pause(thread);
    try {
      second = await graph.invoke(new Command({ resume: { thread, approvedBy } }), config);
    } catch (e) {
      error(`resume: ${e.message}`);
    }
    count('resume', thread, answeredBy(second?.answer, expectedAnswer(thread, question, approvedBy), thread), 'the resumed invoke');
    return handler;
  }

  const handlers = await Promise.all(Array.from({ length: FLOWS }, (_, i) => flow(i)));
  await awaitAllCallbacks();

  // What the nodes read from the implicit context, and the sites no run reached.
  for (const t of traces) {
    for (const key of ['configError', 'inputError', 'interruptError', 'dispatchError']) if (t[key]) error(`${key.replace('Error', '')}: ${t[key]}`);
    if ('config' in t || 'configError' in t) count('config', t.thread, t.config, t.site);
    if ('input' in t || 'inputError' in t) count('input', t.thread, t.input, t.site);
    // The reply interrupt() answered on resume: the run's own human's.
    if (t.site === 'review-resumed') count('resume', t.thread, t.decision, 'the reply interrupt() answered');
  }
  for (let i = 0; i < FLOWS; i++) {
    for (const site of SITES) {
      if (!traces.some((t) => t.thread === `thread-${i}` && t.site === site && ('config' in t || 'configError' in t))) {
        counts.config.lost++;
        counts.input.lost++;
        if (site === 'review-resumed') counts.resume.lost++;
      }
    }
  }
  // Each run's handler must see its two model calls and two custom events,
  // each under one of its own chain runs, and nothing of another thread.
  for (const h of handlers) {
    for (const [what, list] of [['model call', h.models], ['custom event', h.events]]) {
      for (const seen of list) count('callbacks', h.thread, h.runIds.has(seen.parent) || seen.thread !== h.thread ? seen.thread : undefined, what);
      for (let missing = 2 - list.length; missing > 0; missing--) count('callbacks', h.thread, undefined, `${what} never seen`);
    }
    for (let f = 0; f < h.foreign; f++) count('callbacks', h.thread, 'another thread', 'a chain start');
  }

  const total = (verdict) => KINDS.reduce((n, k) => n + counts[k][verdict], 0);
  return {
    seed,
    flows: FLOWS,
    kept: total('kept'),
    lost: total('lost'),
    leaked: total('leaked'),
    counts,
    steps: done,
    errors: [...errors].map(([message, times]) => ({ message, times })),
    problems,
  };
}
