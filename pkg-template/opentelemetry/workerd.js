// `als-wasm/opentelemetry` on workerd: the native carrier over its AsyncLocalStorage.
import { AsyncLocalStorage } from '../workerd.js';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage);
