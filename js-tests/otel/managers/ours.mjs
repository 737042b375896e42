// The context manager of the "ours" page: als-wasm's (the patch carrier in a browser).
import { AsyncLocalStorageContextManager } from 'als-wasm/opentelemetry';

export const contextManager = new AsyncLocalStorageContextManager();
