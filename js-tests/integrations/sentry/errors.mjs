// Errors no code of the flow catches: a promise rejection left unhandled, a
// throw from a timer callback, a throw from a microtask. Sentry reports them
// from its global `onunhandledrejection`/`onerror` handlers (a timer callback
// is wrapped by its browserApiErrors integration, which reports the throw
// itself). Each event must carry the tags of the flow that failed, never
// another flow's. The page runs one kind at a time (20 flows each): after a
// wrapped callback throws, Sentry's onerror handler ignores what comes
// until the next task, which would drop the other kinds' events.
import { stepper } from './steps.mjs';

export const KINDS = ['unhandled-rejection', 'microtask-throw', 'timer-throw'];

export function runFailingFlow(Sentry, flow, kind, next) {
  const { step } = stepper(next, flow, () => {});
  return Sentry.withIsolationScope(async () => {
    Sentry.setTag('flow', flow);
    Sentry.setTag(`flow-${flow}`, 'own');
    await step();
    const error = new Error(`flow-${flow} ${kind}`);
    if (kind === 'unhandled-rejection') Promise.reject(error);
    else if (kind === 'timer-throw') setTimeout(() => { throw error; }, 0);
    else queueMicrotask(() => { throw error; });
    await step();
  });
}

// Per kind: the flow's tag kept (flow=own and flow-<own>), lost (no flow's
// tag), leaked (another flow's tag); and the mechanisms that reported them.
export function countErrors(events, flows) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { kept: 0, lost: 0, leaked: 0, missing: 0, mechanisms: [] }]));
  const byValue = new Map(events.map((e) => [e.exception?.values?.[0]?.value, e]));
  for (const kind of KINDS) {
    const c = byKind[kind];
    for (let flow = 1; flow <= flows; flow++) {
      const event = byValue.get(`flow-${flow} ${kind}`);
      if (!event) {
        c.missing++;
        continue;
      }
      const tags = event.tags ?? {};
      const others = Object.keys(tags).filter((t) => /^flow-\d+$/.test(t) && t !== `flow-${flow}`);
      if (others.length || (tags.flow !== undefined && tags.flow !== flow)) c.leaked++;
      else if (tags.flow === flow && tags[`flow-${flow}`] === 'own') c.kept++;
      else c.lost++;
      const mechanism = event.exception.values[0].mechanism?.type;
      if (!c.mechanisms.includes(mechanism)) c.mechanisms.push(mechanism);
    }
  }
  return byKind;
}
