// The documented setup: LangChain's context slot gets als-wasm's
// AsyncLocalStorage before any graph runs.
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { AsyncLocalStorage } from 'als-wasm';

AsyncLocalStorageProviderSingleton.initializeGlobalInstance(new AsyncLocalStorage());
