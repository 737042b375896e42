// The agent graph: research (the chat model drafts an answer), review (a
// human approves the draft through interrupt()), finalize (the model writes the
// final answer from the approval). Every node reads its run through LangGraph's
// implicit context, getConfig() and getCurrentTaskInput(), which work only
// where AsyncLocalStorageProviderSingleton has a real AsyncLocalStorage, and
// reports what it read to `trace`; the node's own state says which thread it
// really runs in. `pause(thread)` is the async work a node does (random
// awaits, fetches, timers and events in the tests); `dispatch(name, data)`
// sends a LangChain custom event from inside the run.
import { Annotation, END, getConfig, getCurrentTaskInput, interrupt, isGraphInterrupt, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { threadTag } from './fake-model.mjs';

const State = Annotation.Root({
  thread: Annotation(),
  question: Annotation(),
  draft: Annotation(),
  decision: Annotation(),
  answer: Annotation(),
});

// What the implicit context answers here: the thread of getConfig() and of
// getCurrentTaskInput(), or the error each threw.
function look() {
  const seen = {};
  try {
    seen.config = getConfig()?.configurable?.thread_id;
  } catch (e) {
    seen.configError = e.message;
  }
  try {
    seen.input = getCurrentTaskInput()?.thread;
  } catch (e) {
    seen.inputError = e.message;
  }
  return seen;
}

export function agentGraph({ model, pause = async () => {}, trace = () => {}, dispatch = async () => {}, checkpointer = new MemorySaver() }) {
  const note = (state, site, extra = {}) => trace({ thread: state.thread, site, ...look(), ...extra });
  // A custom event's failure is traced, not thrown: without a context it
  // has no run to go to, and the graph should still finish.
  const emit = async (state, node) => {
    try {
      await dispatch('progress', { thread: state.thread, node });
    } catch (e) {
      trace({ thread: state.thread, site: node, dispatchError: e.message });
    }
  };

  async function research(state) {
    await pause(state.thread);
    note(state, 'research');
    const draft = await model.invoke(`Question ${threadTag(state.thread)}: ${state.question}`);
    await emit(state, 'research');
    return { draft: draft.content };
  }

  async function review(state) {
    await pause(state.thread);
    note(state, 'review');
    let decision;
    try {
      // Stops the run here; on resume the node runs again from its start and
      // interrupt() answers the human's reply.
      decision = interrupt({ thread: state.thread, draft: state.draft });
    } catch (e) {
      if (isGraphInterrupt(e)) throw e;
      trace({ thread: state.thread, site: 'review', interruptError: e.message });
    }
    await pause(state.thread);
    note(state, 'review-resumed', { decision: decision?.thread });
    return { decision };
  }

  async function finalize(state) {
    await pause(state.thread);
    note(state, 'finalize');
    const final = await model.invoke(`Approved ${threadTag(state.thread)}: ${state.draft} (approved by ${state.decision?.approvedBy})`);
    await emit(state, 'finalize');
    return { answer: final.content };
  }

  return new StateGraph(State)
    .addNode('research', research)
    .addNode('review', review)
    .addNode('finalize', finalize)
    .addEdge(START, 'research')
    .addEdge('research', 'review')
    .addEdge('review', 'finalize')
    .addEdge('finalize', END)
    .compile({ checkpointer });
}

// The node sites where every run must read its context.
export const SITES = ['research', 'review', 'review-resumed', 'finalize'];
