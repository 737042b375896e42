import type { AsyncContext as Ours } from './index.js';

export { AsyncContext } from './index.js';

declare global {
  // Installed only where the host has no AsyncContext of its own.
  var AsyncContext: typeof Ours;
}
