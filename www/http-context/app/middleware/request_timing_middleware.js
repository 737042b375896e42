// Global middleware: times the request and says so in a Server-Timing header.
// Its code after `await next()` runs once every inner layer has awaited all
// it awaits (timers, fetch, IndexedDB, Cache).
import { seenHere } from '../probe.js';

export default class RequestTimingMiddleware {
  async handle(ctx, next) {
    const start = performance.now();
    const body = await next();
    ctx.seen.timingMiddleware = seenHere();
    ctx.response.headers.set('server-timing', `app;dur=${(performance.now() - start).toFixed(1)}`);
    return body;
  }
}
