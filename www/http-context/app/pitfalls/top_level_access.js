// The guide's "Top-level access" mistake, kept on purpose: this module body
// runs once, when the Service Worker starts, outside any request. (The guide's
// `const ctx = HttpContext.getOrFail()` here would throw and stop the Service
// Worker from starting at all, hence the try.)
import { HttpContext } from '../http_context.js';

const ctx = HttpContext.get();

let getOrFail;
try {
  getOrFail = { returned: HttpContext.getOrFail().request.id() };
} catch (error) {
  getOrFail = { threw: error.message };
}

/** What HttpContext answered at this module's top level, for the page. */
export const topLevelAccess = {
  get: ctx === null ? null : ctx.request.id(),
  getOrFail,
};
