// Runs before the cases load (worker-entry.mjs): the entry under test
// (impl.mjs) and the console lines, which the page prints.
globalThis.__alsTestEnv = { ALS_ENTRY: 'csp' };
console.log = (...args) => postMessage({ log: args.join(' ') });
