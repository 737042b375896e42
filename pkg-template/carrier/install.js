// The patch carrier: makes the current frame follow the host's asynchronous
// work by wrapping its scheduling APIs. Installed once per realm, unless
// another copy of als-wasm gave the realm a carrier first (answers the realm's
// carrier); every original is read before anything is replaced.
import { installPromise } from './promise.js';
import { installSchedulers } from './schedulers.js';
import { installEvents } from './events.js';
import { installObservers } from './observers.js';
import { installExtensionApis } from './extension-apis.js';
import { installUncaught } from './uncaught.js';
import { claimCarrier } from '../core/context.js';

export function installPatchCarrier() {
  return claimCarrier('patch', () => {
    installPromise(globalThis);
    installSchedulers(globalThis);
    installEvents(globalThis);
    installObservers(globalThis);
    installExtensionApis(globalThis);
    installUncaught(globalThis);
  });
}
