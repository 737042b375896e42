// `als-wasm/opentelemetry` on Bun: the native carrier.
import { AsyncLocalStorage } from '../native.js';
import { diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT });
