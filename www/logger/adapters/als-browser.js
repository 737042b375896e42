// als-browser 1.0.1 from npm. Importing it patches this realm's timers,
// Promise.prototype.then/catch/finally, queueMicrotask, addEventListener,
// XMLHttpRequest and the observers; it exports Node's AsyncLocalStorage API.
export { AsyncLocalStorage } from '/node_modules/als-browser/dist/index.mjs';
