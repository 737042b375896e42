// `als-wasm/opentelemetry` on Node and Deno: the manager over the Node build
// (one instance for import and require).
import { AsyncLocalStorage } from '../node.mjs';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage);
