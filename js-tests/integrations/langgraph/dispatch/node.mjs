// Custom events through LangChain's Node entry: it finds the run's config by
// itself, and on import initializes the context slot from node:async_hooks
// (aliased to als-wasm/async_hooks by the build).
import { dispatchCustomEvent } from '@langchain/core/callbacks/dispatch';

export const dispatch = (name, data) => dispatchCustomEvent(name, data);
