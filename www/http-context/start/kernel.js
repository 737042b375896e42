// Middleware that runs on every request, outermost first.
import RequestTimingMiddleware from '../app/middleware/request_timing_middleware.js';

export const globalMiddleware = [RequestTimingMiddleware];
