// A LangChain callback handler given to one run (config.callbacks): it keeps
// what reached it, so the run's model calls and custom events can be
// checked to have reached their own run's handler, under that run's tree,
// and nothing of another thread.
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { taggedThread } from './fake-model.mjs';

export class Recorder extends BaseCallbackHandler {
  name = 'recorder';

  constructor(thread) {
    super();
    this.thread = thread;
    this.runIds = new Set(); // the chain runs (graph, nodes) of this handler's run
    this.models = []; // { thread, parent }
    this.events = []; // { thread, parent }
    this.foreign = 0; // chain starts whose input names another thread
  }

  handleChainStart(_chain, inputs, runId) {
    this.runIds.add(runId);
    const thread = inputs?.thread;
    if (thread !== undefined && thread !== this.thread) this.foreign++;
  }

  handleChatModelStart(_llm, messages, _runId, parentRunId) {
    const text = messages.flat().map((m) => m.content).join('\n');
    this.models.push({ thread: taggedThread(text), parent: parentRunId });
  }

  handleCustomEvent(_name, data, runId) {
    this.events.push({ thread: data?.thread, parent: runId });
  }
}
