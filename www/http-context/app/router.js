// A small router: `get(pattern, [Controller, 'method'])`, `:name` segments
// become ctx.params, `.use(Middleware)` adds route middleware.
class Route {
  constructor(pattern, [Controller, method]) {
    this.segments = pattern.split('/');
    this.Controller = Controller;
    this.method = method;
    this.middleware = [];
  }

  use(Middleware) {
    this.middleware.push(Middleware);
    return this;
  }

  params(path) {
    const parts = path.split('/');
    if (parts.length !== this.segments.length) return null;
    const params = {};
    for (const [i, segment] of this.segments.entries()) {
      if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(parts[i]);
      else if (segment !== parts[i]) return null;
    }
    return params;
  }

  handle(ctx) {
    return new this.Controller()[this.method](ctx);
  }
}

export class Router {
  #routes = [];

  /** @param {string} base the path every pattern is relative to */
  constructor(base) {
    this.base = base;
  }

  get(pattern, handler) {
    const route = new Route(pattern, handler);
    this.#routes.push(route);
    return route;
  }

  /** The GET route for `pathname` and its params, or null. */
  match(method, pathname) {
    if (method !== 'GET' || !pathname.startsWith(this.base)) return null;
    const path = pathname.slice(this.base.length);
    for (const route of this.#routes) {
      const params = route.params(path);
      if (params) return { route, params };
    }
    return null;
  }
}
