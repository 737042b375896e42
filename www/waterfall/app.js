// The traced app: concurrent requests, each a mix of fetches, timers, awaits
// and Rust database queries. Nothing here tells the tracer which request is
// running; `req` is passed by hand only so the demo can check the tracer.
import { inSpan, sleep, startSpan, endSpan, trace } from './tracer.js';
import { query } from './db/pkg/waterfall_db.js';

const tracer = { startSpan, endSpan };

export function handle(req, random) {
  const ms = (lo, hi) => Math.round(lo + random() * (hi - lo));
  return trace(req, async () => {
    await inSpan('auth', 'step', req, () => fetch(`/api/delay?ms=${ms(10, 40)}&req=${req}`));
    await inSpan('load page', 'step', req, () =>
      Promise.all([
        fetch(`/api/delay?ms=${ms(20, 70)}&req=${req}`),
        query(tracer, `select * from posts where author = ${req}`, ms(20, 60), req),
        inSpan('score posts', 'step', req, async () => {
          for (let i = 0; i < 3; i++) await sleep(ms(4, 14), req);
        }),
      ]),
    );
    await inSpan('render', 'step', req, async () => {
      await sleep(ms(5, 15), req);
      await query(tracer, `update views set n = n + 1 where page = ${req}`, ms(10, 30), req);
    });
  });
}
