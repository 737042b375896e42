// AdonisJS's HttpContext: one object per request, reachable from anywhere the
// request's code runs through HttpContext.get(), because sw.js answers each
// request inside storage.run(ctx, …). Workers have no import maps: als-wasm
// is imported by its URL, the package as installed from npm.
import { AsyncLocalStorage } from '/node_modules/als-wasm/index.js';
import { HttpRequest } from './http_request.js';
import { HttpResponse } from './http_response.js';

/** The one storage every request runs in. */
export const storage = new AsyncLocalStorage();

export class HttpContext {
  /** @param {Request} request the FetchEvent's request */
  constructor(request) {
    this.request = new HttpRequest(request);
    this.response = new HttpResponse();
    this.params = {};
    this.auth = { user: null };
    // What each layer saw through HttpContext.get(), for the demo's report.
    // Only code that was handed this ctx explicitly writes here, so a layer
    // that saw the wrong context cannot write into the wrong report.
    this.seen = {};
  }

  /** The context of the request running here, or null outside any request. */
  static get() {
    return storage.getStore() ?? null;
  }

  /** Like get(), but throws where no request is running. */
  static getOrFail() {
    const ctx = HttpContext.get();
    if (!ctx) {
      throw new Error('HttpContext.getOrFail(): no HTTP request is running here');
    }
    return ctx;
  }
}
