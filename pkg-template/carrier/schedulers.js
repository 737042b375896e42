// Callbacks the host runs later run in the frame current when they were
// scheduled: microtasks, timers, animation frames, idle callbacks.
// (clearTimeout & co. need nothing: the timer ids are the host's own.)
import { patchCallbackFirst } from './wrap.js';

export function installSchedulers(global) {
  patchCallbackFirst(global, [
    'queueMicrotask',
    'setTimeout',
    'setInterval',
    'setImmediate',
    'requestAnimationFrame',
    'requestIdleCallback',
  ]);
  // Node's and Bun's process.nextTick, when the patch carrier is forced there.
  if (global.process && typeof global.process.nextTick === 'function') {
    patchCallbackFirst(global.process, ['nextTick']);
  }
  if (global.scheduler && typeof global.scheduler.postTask === 'function') {
    patchCallbackFirst(Object.getPrototypeOf(global.scheduler), ['postTask']);
  }
}
