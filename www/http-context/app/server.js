// Answers one request, already inside storage.run(ctx, …): global middleware,
// the route's middleware, the controller, then a JSON Response carrying the
// demo's report (which request each layer saw, and the request's time window).
import { router } from '../start/routes.js';
import { globalMiddleware } from '../start/kernel.js';
import { now } from './clock.js';

export async function handle(ctx) {
  const start = now();
  let data;
  try {
    const match = router.match(ctx.request.method(), ctx.request.url().pathname);
    if (!match) throw Object.assign(new Error(`no route for ${ctx.request.url().pathname}`), { status: 404 });
    ctx.params = match.params;
    const stack = [...globalMiddleware, ...match.route.middleware];
    data = await runMiddleware(stack, ctx, () => match.route.handle(ctx));
  } catch (error) {
    ctx.response.status = error.status ?? 500;
    data = { error: String(error.message ?? error) };
  }
  ctx.response.answeredAt = now();
  const report = {
    requestId: ctx.request.id(),
    user: ctx.auth.user?.id ?? null,
    window: { start, end: ctx.response.answeredAt },
    seen: ctx.seen,
    data,
  };
  return new Response(JSON.stringify(report), { status: ctx.response.status, headers: ctx.response.headers });
}

// Each middleware's handle(ctx, next); the last next() is the controller.
function runMiddleware(stack, ctx, last) {
  const at = (i) => (i < stack.length ? new stack[i]().handle(ctx, () => at(i + 1)) : last());
  return at(0);
}
