// One flow of the page, as an app would write it: an isolation scope and a
// scope of its own, a tag and breadcrumbs, a span with child spans started
// after awaits, and a message and an exception captured after awaits. It
// notes what each captured event must carry (captures: its own tags,
// breadcrumbs, requests and active span) and which span must parent which.
import { stepper } from './steps.mjs';

export const CHILDREN = { a: 'root', 'a/inner': 'a', b: 'root' };
export const spanName = (flow, part) => (part === 'root' ? `flow-${flow}` : `flow-${flow}/${part}`);

export function runFlow(Sentry, flow, next, captures) {
  const crumbs = [];
  const crumb = (what) => {
    crumbs.push(`flow-${flow} ${what} #${crumbs.length}`);
    Sentry.addBreadcrumb({ category: 'flow', message: crumbs.at(-1), data: { flow } });
  };
  const { step, answered } = stepper(next, flow, crumb);
  const note = (key, span, scopeTag) => captures.set(key, { flow, crumbs: [...crumbs], requests: [...answered], span, scopeTag });

  return Sentry.withIsolationScope(async () => {
    Sentry.setTag('flow', flow);
    Sentry.setTag(`flow-${flow}`, 'own');
    crumb('start');
    await step();
    await Sentry.withScope(async (scope) => {
      scope.setTag('scope', flow);
      await step();
      await Sentry.startSpan({ name: spanName(flow, 'root'), op: 'flow' }, async (root) => {
        await step();
        crumb('in-span');
        await Sentry.startSpan({ name: spanName(flow, 'a') }, async (a) => {
          await step();
          Sentry.startSpan({ name: spanName(flow, 'a/inner') }, () => crumb('inner'));
          await step();
          note(`flow-${flow} message`, a.spanContext().spanId, true);
          Sentry.captureMessage(`flow-${flow} message`);
        });
        await step();
        await Sentry.startSpan({ name: spanName(flow, 'b') }, async () => {
          await step();
          crumb('in-b');
        });
        await step();
        note(`flow-${flow} error`, root.spanContext().spanId, true);
        Sentry.captureException(new Error(`flow-${flow} error`));
      });
    });
    await step();
    note(`flow-${flow} after`, undefined, false);
    Sentry.captureMessage(`flow-${flow} after`);
  });
}
