// Types of als-wasm: the AsyncLocalStorage and AsyncResource declarations of
// @types/node's `async_hooks` module, so code typed against Node compiles as is.

export interface AsyncResourceOptions {
  /** The ID of the execution context that created this async event. Default: the current one. */
  triggerAsyncId?: number | undefined;
  /** Accepted for compatibility; als-wasm emits no destroy hooks. */
  requireManualDestroy?: boolean | undefined;
}

/** Lets an object carry the async context of where it was created. */
export class AsyncResource {
  /**
   * @param type The type of async event.
   * @param triggerAsyncId The ID of the execution context that created this
   * async event, or an options object.
   */
  constructor(type: string, triggerAsyncId?: number | AsyncResourceOptions);
  /** Binds `fn` to the current context; the result carries `asyncResource`. */
  static bind<Func extends (this: ThisArg, ...args: any[]) => any, ThisArg>(
    fn: Func,
    type?: string,
    thisArg?: ThisArg,
  ): Func;
  /** Binds `fn` to this resource's context. */
  bind<Func extends (...args: any[]) => any>(fn: Func): Func;
  /** Calls `fn` with `thisArg` and `args` in this resource's context. */
  runInAsyncScope<This, Result>(fn: (this: This, ...args: any[]) => Result, thisArg?: This, ...args: any[]): Result;
  /** Returns this resource; als-wasm has no destroy hooks to emit. */
  emitDestroy(): this;
  /** The unique ID of this resource. */
  asyncId(): number;
  /** The ID of the resource that was running when this one was made. */
  triggerAsyncId(): number;
}

export interface AsyncLocalStorageOptions {
  /** The value getStore() answers when no store is set. */
  defaultValue?: any;
  /** A name for this storage, returned by the `name` getter. */
  name?: string | undefined;
}

// `Symbol.dispose` and `Disposable` as @types/node declares them, for
// projects whose `lib` predates them (a browser project without @types/node).
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
  interface Disposable {
    [Symbol.dispose](): void;
  }
}

/** A disposable scope made by `withScope()`; disposing restores the previous store. */
export interface RunScope extends Disposable {
  dispose(): void;
}

/** Stores that stay coherent through asynchronous operations (Node's API). */
export class AsyncLocalStorage<T> {
  constructor(options?: AsyncLocalStorageOptions);
  /** Binds `fn` to the current execution context. */
  static bind<Func extends (...args: any[]) => any>(fn: Func): Func;
  /** Captures the current execution context; the result runs a callback in it. */
  static snapshot(): <R, TArgs extends any[]>(fn: (...args: TArgs) => R, ...args: TArgs) => R;
  /** The name given in the options, or ''. */
  readonly name: string;
  /** Removes this storage's store from the current context. */
  disable(): void;
  /** The current store, or the default value when none is set. */
  getStore(): T | undefined;
  /** Runs `callback` with `store` set, synchronously, and returns its result. */
  run<R>(store: T, callback: () => R): R;
  run<R, TArgs extends any[]>(store: T, callback: (...args: TArgs) => R, ...args: TArgs): R;
  /** Runs `callback` outside of any store of this storage. */
  exit<R, TArgs extends any[]>(callback: (...args: TArgs) => R, ...args: TArgs): R;
  /** Sets `store` for the rest of the current synchronous execution. */
  enterWith(store: T): void;
  /** Sets `store` until the returned scope is disposed (`using`). */
  withScope(store: T): RunScope;
}

/**
 * Which carrier makes the context follow async work in this host: 'native'
 * (the host's own AsyncLocalStorage carries it: Node, Deno, Bun, workerd) or
 * 'patch' (browsers: als-wasm wraps the host's scheduling APIs and `await`).
 */
export const carrier: 'native' | 'patch';

/**
 * Which engine runs the package's Rust: 'wasm' (WebAssembly), or 'js' (the
 * same Rust compiled to JavaScript) after `import 'als-wasm/csp'`, for
 * realms whose Content-Security-Policy forbids compiling WebAssembly.
 */
export const engine: 'wasm' | 'js';
