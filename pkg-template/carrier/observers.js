// Observer callbacks run in the frame current when the observer was made.
import { bindCurrent, patchConstructor } from './wrap.js';

export function installObservers(global) {
  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver', 'ReportingObserver']) {
    patchConstructor(global, name, (args) => {
      args[0] = bindCurrent(args[0]);
    });
  }
}
