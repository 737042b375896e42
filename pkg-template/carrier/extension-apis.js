// Browser extensions' own APIs (chrome.*): a callback handed to an API call
// (chrome.storage.local.get(keys, callback), chrome.tabs.query(info,
// callback), …) runs in the frame of the call, as a timer's callback does.
// Their events (chrome.runtime.onMessage, storage.onChanged, …) are the
// host's: listeners start with no store, as a page's host events do, so
// event objects are left alone. Only the namespaces this realm has (its
// manifest's permissions) are there to wrap; each function is wrapped where
// it stands, and the promise an API call returns without a callback is the
// engine's, which the await hook already follows.
import { bindCurrent, patchFunction } from './wrap.js';

export function installExtensionApis(global) {
  const chrome = global.chrome;
  if (typeof chrome?.runtime?.id !== 'string') return; // not an extension realm
  for (const name of Object.getOwnPropertyNames(chrome)) wrapNamespace(chrome, name, 2);
}

// The API functions of target[name] and of the objects it holds
// (chrome.storage.local), `depth` levels down.
function wrapNamespace(target, name, depth) {
  const namespace = read(target, name);
  if (namespace === null || typeof namespace !== 'object' || typeof namespace.addListener === 'function') return;
  for (const key of Object.getOwnPropertyNames(namespace)) {
    const value = read(namespace, key);
    // Capitalized functions are classes (declarativeContent.PageStateMatcher), called with `new`.
    if (typeof value === 'function' && !/^[A-Z]/.test(key)) patchFunction(namespace, key, lastCallbackBound);
    else if (depth > 1) wrapNamespace(namespace, key, depth - 1);
  }
}

// Reading an API the realm may not use can throw.
function read(target, key) {
  try {
    return target[key];
  } catch {
    return undefined;
  }
}

// Extension APIs take their callback last.
function lastCallbackBound(original) {
  return function (...args) {
    const last = args.length - 1;
    if (last >= 0 && typeof args[last] === 'function') args[last] = bindCurrent(args[last]);
    return Reflect.apply(original, this, args);
  };
}
