// `als-wasm/opentelemetry` on workerd: the native carrier over its AsyncLocalStorage.
import { AsyncLocalStorage } from '../workerd.js';
import { diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT });
