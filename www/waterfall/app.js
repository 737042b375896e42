// The traced app: concurrent requests, each a mix of fetches, timers, awaits
// and Rust database queries. Nothing here tells the tracer which span is the
// parent; each span's `claim` (its request and the span it is made in) is
// passed by hand only so the demo can check the context manager.
import { inSpan, sleep } from './tracing.js';
import { query } from './db/pkg/waterfall_db.js';

export function handle(req, random) {
  const ms = (lo, hi) => Math.round(lo + random() * (hi - lo));
  const under = (parent) => ({ request: req, parent });
  const root = `request ${req}`;
  const get = (step, wait) =>
    fetch(`/api/delay?ms=${wait}&req=${req}&in=${encodeURIComponent(step)}`).then((response) => response.json());
  return inSpan(root, 'request', under(null), async () => {
    await inSpan('auth', 'step', under(root), () => get('auth', ms(10, 40)));
    await inSpan('load page', 'step', under(root), () =>
      Promise.all([
        get('load page', ms(20, 70)),
        database(`select * from posts where author = ${req}`, ms(20, 60), under('load page')),
        inSpan('score posts', 'step', under('load page'), async () => {
          for (let i = 0; i < 3; i++) await sleep(ms(4, 14), under('score posts'));
        }),
      ]),
    );
    await inSpan('render', 'step', under(root), async () => {
      await sleep(ms(5, 15), under('render'));
      await database(`update views set n = n + 1 where page = ${req}`, ms(10, 30), under('render'));
    });
  });
}

// A query of the Rust client: JS opens its span around the Rust future; the
// future opens a span per step through `steps` and finds this one as their
// parent by itself, after each of its awaits.
function database(sql, ms, claim) {
  const name = `db: ${sql}`;
  const steps = { inSpan: (step, body) => inSpan(step, 'rust', { request: claim.request, parent: name }, body) };
  return inSpan(name, 'rust', claim, () => query(steps, sql, ms));
}
