// Entry of the als-wasm build (build/als-wasm.js, bundled by `cargo xtask
// demo`): als-wasm comes first, so its carrier is in place before LangChain
// loads; LangChain's context slot gets its AsyncLocalStorage before any
// graph runs (the one line docs/integrations/langgraph.md gives), and
// OpenTelemetry gets its context manager.
import { AsyncLocalStorage } from 'als-wasm';
import { AsyncLocalStorageContextManager } from 'als-wasm/opentelemetry';
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { start } from './page.js';

/* global DEMO_BUILD */ // 'als-wasm' or 'als-wasm-no-plugin', defined by build.mjs

AsyncLocalStorageProviderSingleton.initializeGlobalInstance(new AsyncLocalStorage());
start({ variant: DEMO_BUILD, contextManager: new AsyncLocalStorageContextManager() });
