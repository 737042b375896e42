// The native carrier over `node:async_hooks` (Node, Deno, Bun, workerd) and
// the API; the entry that imports this instantiates the wasm first.
import { AsyncLocalStorage as HostStorage } from 'node:async_hooks';
import { carryNatively } from './carrier/native.js';
import { guardLeakyHost } from './carrier/host-guards.js';

export const carrier = carryNatively(HostStorage, guardLeakyHost);
export { AsyncLocalStorage, AsyncResource } from './core/api.js';
