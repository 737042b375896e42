// Helpers that code rewritten by als-wasm/plugin calls; not for direct use.
export declare function awaited<T>(value: T): PromiseLike<unknown>;
export declare function resume<T>(boxed: unknown): T;
export declare function iterated<T>(iterable: T): T;
export declare function yielded<T>(value: T): T | PromiseLike<Awaited<T>>;
export declare function begin(): unknown;
export declare function suspend<T>(record: unknown, value: T): T;
export declare function resumed<T>(record: unknown, value: T): T;
export declare function caught(record: unknown): void;
export declare function done(record: unknown): void;
export declare function thenOf<T>(receiver: T, method?: unknown): T;
export declare function catchOf<T>(receiver: T, method?: unknown): T;
export declare function finallyOf<T>(receiver: T, method?: unknown): T;
export declare function callback<T>(fn: T): T;
