// Sentry's async-context strategy over one als-wasm AsyncLocalStorage, for
// the SDK's `setAsyncContextStrategy` slot (private in @sentry/core, stable
// since 8.x). Sentry's browser SDK keeps its scopes on one stack, so two
// concurrent flows share tags, breadcrumbs and the active span; here each
// flow's scopes ride the store, as they ride Node's storage in Sentry's
// server SDKs. The forks follow Sentry's Node SDK: every with* call gets a
// current scope of its own; withIsolationScope also forks the isolation
// scope, and the withSet* calls put the given scope in place.
// @sentry/core is a peer dependency: the copy the app's SDK uses, since
// Sentry keeps its strategy per SDK version on the global object.
import { getDefaultCurrentScope, getDefaultIsolationScope, setAsyncContextStrategy } from '@sentry/core';

// Sentry's key for a suppressed scope (SUPPRESS_TRACING_KEY in @sentry/core,
// which 9.x does not export).
const SUPPRESS_TRACING = '__SENTRY_SUPPRESS_TRACING__';

/** The installer over the AsyncLocalStorage of the host's entry. */
export function strategyInstaller(AsyncLocalStorage) {
  let strategy;
  return function setAsyncLocalStorageAsyncContextStrategy() {
    // One storage for every call: a second call must not orphan the scopes
    // of flows already running.
    strategy ??= strategyOver(new AsyncLocalStorage());
    setAsyncContextStrategy(strategy);
  };
}

function strategyOver(storage) {
  // Outside every flow, Sentry's default scopes: those Sentry.init() gave
  // the client to, whether it ran before or after the install.
  const scopes = () => storage.getStore() ?? { scope: getDefaultCurrentScope(), isolationScope: getDefaultIsolationScope() };

  const withScope = (callback) => {
    const { scope, isolationScope } = scopes();
    const forked = scope.clone();
    return storage.run({ scope: forked, isolationScope }, callback, forked);
  };
  const withSetScope = (scope, callback) => storage.run({ scope, isolationScope: scopes().isolationScope }, callback, scope);
  const withIsolationScope = (callback) => {
    const { scope, isolationScope } = scopes();
    const forked = isolationScope.clone();
    return storage.run({ scope: scope.clone(), isolationScope: forked }, callback, forked);
  };
  const withSetIsolationScope = (isolationScope, callback) =>
    storage.run({ scope: scopes().scope.clone(), isolationScope }, callback, isolationScope);
  // The stack strategy must clear the mark before the callback's awaits end;
  // here the forked scope is the callback's own, so it lasts across them.
  const suppressTracing = (callback) =>
    withScope((scope) => {
      scope.setSDKProcessingMetadata({ [SUPPRESS_TRACING]: true });
      return callback();
    });

  return {
    withScope,
    withSetScope,
    withIsolationScope,
    withSetIsolationScope,
    suppressTracing,
    getCurrentScope: () => scopes().scope,
    getIsolationScope: () => scopes().isolationScope,
  };
}
