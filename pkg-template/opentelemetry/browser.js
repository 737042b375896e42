// `als-wasm/opentelemetry/browser`: the patch carrier forced on any host
// (tests, comparisons), as `als-wasm/browser` does.
import { AsyncLocalStorage } from '../browser.js';
import { diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(AsyncLocalStorage, { diag, ROOT_CONTEXT });
