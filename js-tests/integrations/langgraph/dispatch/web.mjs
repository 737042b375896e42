// Custom events through LangChain's browser entry, which needs the run's
// config: getConfig() gives it, where the context is kept.
import { dispatchCustomEvent } from '@langchain/core/callbacks/dispatch/web';
import { getConfig } from '@langchain/langgraph';

export const dispatch = (name, data) => dispatchCustomEvent(name, data, getConfig());
