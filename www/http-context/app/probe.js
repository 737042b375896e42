// The demo's probe: which request HttpContext.get() answers at this point of
// the code, and when. Layers call it instead of trusting any variable.
import { HttpContext } from './http_context.js';
import { now } from './clock.js';

export function seenHere() {
  return { saw: HttpContext.get()?.request.id() ?? null, at: now() };
}
