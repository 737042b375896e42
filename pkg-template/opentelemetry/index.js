// `als-wasm/opentelemetry` in browsers and any host the `browser`/`default`
// condition reaches: the manager over the package's own entry (the host's
// storage where it has one, else the patch carrier).
import { AsyncLocalStorage } from '../index.js';
import { diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT });
