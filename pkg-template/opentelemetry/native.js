// `als-wasm/opentelemetry` on Bun: the native carrier.
import { AsyncLocalStorage } from '../native.js';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage);
