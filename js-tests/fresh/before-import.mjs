// Runs before the implementation is imported (fresh-all.mjs imports it
// first): what code loaded before als-wasm keeps of the engine's promises.
globalThis.__engineThen = Promise.prototype.then;
globalThis.__EarlySubclass = class EarlySubclass extends Promise {};
