// `als-wasm/opentelemetry` on Node and Deno: the manager over the Node build,
// node.cjs, which import and require() share. xtask bundles this file into
// node.cjs beside it for require(), with node.cjs and @opentelemetry/api left
// as they are: the manager then shares the API instance of CommonJS apps.
import als from '../node.cjs';
import { diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { contextManagerOver } from './core.js';

export const AsyncLocalStorageContextManager = contextManagerOver(als.AsyncLocalStorage, { diag, ROOT_CONTEXT });
