// The layers each response reports, in the order they run: key in the
// report's `seen`, column title, and where in the code the read happens.
export const LAYERS = [
  ['authMiddleware', 'auth middleware', 'after IndexedDB read'],
  ['controller', 'controller', 'after timer + fetch'],
  ['idbCallback', 'IndexedDB', 'onsuccess callback'],
  ['idbAfterAwait', 'IndexedDB', 'after await'],
  ['cacheRead', 'Cache API', 'after await'],
  ['modelGetter', 'Post.isLiked', 'model getter · its answer'],
  ['eventListener', 'event listener', 'inside emit()'],
  ['timingMiddleware', 'timing middleware', 'after await next()'],
];
