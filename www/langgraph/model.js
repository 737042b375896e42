// A scripted chat model: a real LangChain chat model, with no network, that
// answers after a random delay (a model's latency), so the runs overlap. It
// opens its own span when LangChain calls _generate, deep inside the graph
// run: the span finds its parent (the node that called the model) through
// the context manager alone.
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage } from '@langchain/core/messages';
import { inSpan } from './tracing.js';

// Prompts name their user ("To Ada: …"), so the script, and the claim the
// check needs (which run, under which node), come from the prompt alone.
export const draftPrompt = (user, question) => `To ${user}: draft a reply to "${question}"`;
export const finalPrompt = (user, decision) =>
  decision.action === 'reject' ? `To ${user}: the draft was rejected` : `To ${user}: send "${decision.text}"`;

// The scripted reply to a prompt (checks.js and the e2e test expect it).
function reply(prompt, draftOf) {
  const [, user, rest] = /^To ([^:]+): (.*)$/s.exec(prompt);
  if (rest.startsWith('draft a reply')) return draftOf(user);
  if (rest === 'the draft was rejected') return `Sorry ${user}, a person will answer you shortly.`;
  return `Sent to ${user}: ${rest.slice('send '.length)}`;
}

export class ScriptedChatModel extends BaseChatModel {
  /** runs: user -> { thread, draft }; delay(thread) -> ms. */
  constructor({ runs, delay }) {
    super({});
    this.runs = runs;
    this.delay = delay;
  }

  _llmType() {
    return 'scripted';
  }

  async _generate(messages) {
    const prompt = String(messages.at(-1).content);
    const user = /^To ([^:]+):/.exec(prompt)[1];
    const { thread } = this.runs.get(user);
    const drafting = prompt.includes(': draft a reply');
    const claim = { run: thread, parent: drafting ? 'node research' : 'node finalize' };
    const text = await inSpan(drafting ? 'model draft' : 'model final', claim, async () => {
      await new Promise((resolve) => setTimeout(resolve, this.delay(thread)));
      return reply(prompt, (u) => this.runs.get(u).draft);
    });
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}
