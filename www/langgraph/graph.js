// The agent: research (a tool, then the model drafts a reply) → review (a
// person approves, edits or rejects the draft through interrupt()) →
// finalize (the model writes what is sent). Each node opens its span and
// reports what getConfig() answered in it; both work only where LangChain's
// context slot holds a real AsyncLocalStorage. state.thread says which run
// a node really runs in: the ground truth the page checks against.
import { Annotation, END, getConfig, interrupt, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { draftPrompt, finalPrompt } from './model.js';
import { inSpan } from './tracing.js';

const State = Annotation.Root({
  thread: Annotation(),
  user: Annotation(),
  question: Annotation(),
  draft: Annotation(),
  decision: Annotation(),
  answer: Annotation(),
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * model: the chat model; delay(thread): a random latency in ms;
 * phaseOf(thread): 'ask' or 'resume', which graph.invoke the run is in (so
 * span names are unique per run); note(thread, read): what a node read.
 */
export function agentGraph({ model, delay, phaseOf, note }) {
  const under = (state, parent) => ({ run: state.thread, parent });
  const invokeSpan = (state) => (phaseOf(state.thread) === 'resume' ? 'graph.invoke (resume)' : 'graph.invoke');
  const read = (state, node, extra = {}) => note(state.thread, { node, thread: getConfig()?.configurable?.thread_id, ...extra });

  const research = (state) =>
    inSpan('node research', under(state, 'graph.invoke'), async () => {
      await inSpan('tool search docs', under(state, 'node research'), () => sleep(delay(state.thread)));
      read(state, 'research');
      const draft = await model.invoke(draftPrompt(state.user, state.question));
      return { draft: draft.content };
    });

  // interrupt() stops the run here (it throws, and the run is saved); on
  // resume the node runs again from its start and interrupt() answers the
  // person's decision, read from the run's own config.
  const review = (state) => {
    const resumed = phaseOf(state.thread) === 'resume';
    return inSpan(resumed ? 'node review (resumed)' : 'node review', under(state, invokeSpan(state)), async () => {
      read(state, resumed ? 'review (resumed)' : 'review');
      const decision = interrupt({ thread: state.thread, user: state.user, draft: state.draft });
      note(state.thread, { node: 'interrupt() answered', thread: decision?.thread });
      return { decision };
    });
  };

  const finalize = (state) =>
    inSpan('node finalize', under(state, 'graph.invoke (resume)'), async () => {
      read(state, 'finalize');
      const final = await model.invoke(finalPrompt(state.user, state.decision));
      return { answer: final.content };
    });

  return new StateGraph(State)
    .addNode('research', research)
    .addNode('review', review)
    .addNode('finalize', finalize)
    .addEdge(START, 'research')
    .addEdge('research', 'review')
    .addEdge('review', 'finalize')
    .addEdge('finalize', END)
    .compile({ checkpointer: new MemorySaver() });
}

// Where every run reads its context: getConfig() in each node, and the
// decision interrupt() answered on resume.
export const SITES = ['research', 'review', 'review (resumed)', 'interrupt() answered', 'finalize'];
