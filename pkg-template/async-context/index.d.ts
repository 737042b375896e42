// TC39 AsyncContext (tc39/proposal-async-context) over als-wasm's frames.
export declare namespace AsyncContext {
  class Variable<T = unknown> {
    constructor(options?: { name?: string; defaultValue?: T });
    readonly name: string;
    get(): T | undefined;
    run<R, A extends unknown[]>(value: T, fn: (...args: A) => R, ...args: A): R;
  }
  class Snapshot {
    constructor();
    run<R, A extends unknown[]>(fn: (...args: A) => R, ...args: A): R;
    static wrap<T, A extends unknown[], R>(fn: (this: T, ...args: A) => R): (this: T, ...args: A) => R;
  }
}
