// Types of `als-wasm/sentry`.

/**
 * Gives Sentry's SDK (`@sentry/browser` and the other `@sentry/*` SDKs on
 * `@sentry/core` 9.x to 11.x) an async-context strategy over one als-wasm
 * `AsyncLocalStorage`: each `withScope`, `withIsolationScope` and `startSpan`
 * callback keeps its own scopes and active span across native `await`,
 * timers, events and `fetch`, where the browser SDK's default stack mixes
 * concurrent flows. The name and behaviour are those of the function Sentry's
 * Deno and Cloudflare SDKs export. Call it once, before or after
 * `Sentry.init()`; later calls install the same strategy again.
 */
export declare function setAsyncLocalStorageAsyncContextStrategy(): void;
