// The patch carrier: makes the current frame follow the host's asynchronous
// work by wrapping its scheduling APIs. Installed once per realm; every
// original is read before anything is replaced.
import { installPromise } from './promise.js';
import { installSchedulers } from './schedulers.js';
import { installEvents } from './events.js';
import { installObservers } from './observers.js';

const INSTALLED = Symbol.for('als-wasm.patch-carrier');

export function installPatchCarrier(global = globalThis) {
  if (!Object.hasOwn(global, INSTALLED)) {
    Object.defineProperty(global, INSTALLED, { value: true });
    installPromise(global);
    installSchedulers(global);
    installEvents(global);
    installObservers(global);
  }
  return 'patch';
}
