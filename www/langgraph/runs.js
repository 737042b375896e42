// One agent run per user's question, each on its own thread: invoked until
// interrupt() stops it, then resumed with new Command({ resume }) carrying
// the person's decision. Each run has its own span; its two graph.invoke
// spans are opened in it, the resume from a click (which starts with no
// context), so the page enters the run's span there, as an app would.
import { Command } from '@langchain/langgraph';
import { context, trace } from '@opentelemetry/api';
import { inSpan, startSpan } from './tracing.js';

export function newRun(index, thread, { user, question }) {
  return { index, thread, user, question, phase: 'ask', status: 'running', reads: [], interrupt: null, decision: null, answer: null, error: null };
}

export function runner({ graph, changed }) {
  const spans = new Map(); // thread -> the run's own span, and the context it is active in
  const configOf = (run) => ({ configurable: { thread_id: run.thread } });

  function finish(run, status, error) {
    run.status = status;
    if (error) run.error = error.message ?? String(error);
    spans.get(run.thread).span.end();
    changed();
  }

  async function ask(run) {
    const span = startSpan('agent run', { run: run.thread, parent: null });
    const active = trace.setSpan(context.active(), span);
    spans.set(run.thread, { span, active });
    try {
      const input = { thread: run.thread, user: run.user, question: run.question };
      const state = await context.with(active, () =>
        inSpan('graph.invoke', { run: run.thread, parent: 'agent run' }, () => graph.invoke(input, configOf(run))),
      );
      run.interrupt = state.__interrupt__?.[0]?.value ?? null;
      if (!run.interrupt) return finish(run, 'failed', new Error('the run ended without stopping at interrupt()'));
      run.status = 'waiting';
      changed();
    } catch (e) {
      finish(run, 'failed', e);
    }
  }

  async function resume(run, decision) {
    run.phase = 'resume';
    run.decision = decision;
    run.status = 'resuming';
    changed();
    try {
      const state = await context.with(spans.get(run.thread).active, () =>
        inSpan('graph.invoke (resume)', { run: run.thread, parent: 'agent run' }, () =>
          graph.invoke(new Command({ resume: decision }), configOf(run)),
        ),
      );
      run.answer = state.answer ?? null;
      finish(run, 'done');
    } catch (e) {
      finish(run, 'failed', e);
    }
  }

  return { ask, resume };
}
