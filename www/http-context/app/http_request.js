// The request side of HttpContext: a thin wrapper over the FetchEvent's Request.
export class HttpRequest {
  #request;
  #url;
  #id;

  constructor(request) {
    this.#request = request;
    this.#url = new URL(request.url);
    // AdonisJS reuses an incoming x-request-id; the page sets one per fetch.
    this.#id = request.headers.get('x-request-id') ?? crypto.randomUUID();
  }

  id() {
    return this.#id;
  }

  method() {
    return this.#request.method;
  }

  url() {
    return this.#url;
  }

  header(name) {
    return this.#request.headers.get(name);
  }

  /** The query string as an object. */
  qs() {
    return Object.fromEntries(this.#url.searchParams);
  }
}
