import type { Context, ContextManager } from '@opentelemetry/api';

/**
 * An OpenTelemetry `ContextManager` on one als-wasm `AsyncLocalStorage`: the
 * active context follows native `await`, timers, promises and events in
 * browsers, and rides the host's own storage on Node, Deno, Bun and workerd.
 * A drop-in for `@opentelemetry/context-async-hooks`' class of the same name.
 */
export declare class AsyncLocalStorageContextManager implements ContextManager {
  /** The context of the current flow, or `ROOT_CONTEXT`. */
  active(): Context;
  /** Runs `fn` (with `thisArg` and `args`) with `context` active, and returns what it returns. */
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F>;
  /**
   * A function: a wrapper that calls it with `context` active. An EventEmitter
   * or EventTarget: the same object, whose listeners added from now on run with
   * `context` active (and can still be removed as added). Anything else: unchanged.
   */
  bind<T>(context: Context, target: T): T;
  /** Sets `context` active for the rest of the current run and what it schedules, until `dispose()`. */
  attach(context: Context): { dispose(): void };
  enable(): this;
  /** `active()` answers `ROOT_CONTEXT` until the next `with()`. */
  disable(): this;
}
