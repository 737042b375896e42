// A scripted chat model: a real LangChain chat model (its runs reach the
// callbacks of the run that invokes it) that answers from its prompt alone,
// with no network, after the async work `pause()` does (random native
// awaits, fetches, timers and events in the tests; nothing in a demo).
// Its answer repeats the prompt's [thread] tag, so an answer that names
// another thread is visible.
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage } from '@langchain/core/messages';

export const threadTag = (thread) => `[${thread}]`;

// The thread a text names with threadTag, or undefined.
export function taggedThread(text) {
  return /\[(thread-[^\]]+)\]/.exec(String(text))?.[1];
}

const textOf = (message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content));

export class ScriptedChatModel extends BaseChatModel {
  constructor({ pause = async () => {}, ...fields } = {}) {
    super(fields);
    this.pause = pause;
  }

  _llmType() {
    return 'scripted';
  }

  async _generate(messages) {
    const prompt = textOf(messages.at(-1));
    await this.pause(taggedThread(prompt));
    // "draft: <question>" for a question, "final: <draft> (approved by …)" for an approval.
    const answer = prompt.startsWith('Approved') ? prompt.replace(/^Approved/, 'final:') : prompt.replace(/^Question/, 'draft:');
    return { generations: [{ text: answer, message: new AIMessage(answer) }] };
  }
}
