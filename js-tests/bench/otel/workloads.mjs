// The OpenTelemetry workloads, one implementation (impls.mjs) in
// a fresh realm each, as the other workloads: what the API's `context` and a
// tracer cost with each context manager, and whether the context they give
// is the right one. `kept` counts the operations that saw it: `active()`
// inside `with` answered the context given; after the awaits, the span
// started around them was still the active one and a child span started
// there got it as its parent. A manager that loses the context (zone.js and
// StackContextManager after a native `await`; no manager at all) shows it
// there, beside its time.
import { sample } from '../measure.mjs';
import { loadOtel, otelImplsFor } from './impls.mjs';

const AWAITS = 10;

// Registers the setup's manager as the API's global one (none for the
// floor, which keeps the API's no-op manager).
function register({ api, Manager }) {
  if (!Manager) return;
  if (!api.context.setGlobalContextManager(new Manager().enable())) throw new Error('a context manager was registered already');
}

// Three rounds of every implementation, in turns (main.mjs): the managers
// of a browser cannot share a realm, so each is timed in its own, and the
// rounds keep a busy moment of the machine from landing on one of them.
const common = { otel: true, rounds: 3, load: loadOtel, impls: otelImplsFor };

export const OTEL_WORKLOADS = {
  // context.with(ctx, () => context.active()): what every instrumented call
  // pays at least once. 16 contexts in turns, so that a manager that kept
  // the previous one would not count.
  otelWith: {
    ...common,
    label: 'OpenTelemetry `context.with(ctx, () => context.active())`',
    floor: 'no context manager (the API\'s no-op one)',
    async run(setup) {
      const { api } = setup;
      register(setup);
      const key = api.createContextKey('bench');
      const contexts = Array.from({ length: 16 }, (_, i) => api.ROOT_CONTEXT.setValue(key, i));
      const active = () => api.context.active();
      const ops = 200_000;
      return sample(() => {
        let kept = 0;
        for (let i = 0; i < ops; i++) {
          const ctx = contexts[i & 15];
          if (api.context.with(ctx, active) === ctx) kept++;
        }
        return kept;
      }, { ops });
    },
  },
  // A span across awaits, one flow after another: startActiveSpan around an
  // async function that awaits a settled promise AWAITS times, then reads
  // the active span and starts a child span. The floor is the same awaits
  // with no OpenTelemetry at all. The promise is made here, after the setup
  // loaded: with zone.js, a ZoneAwarePromise, as its apps' promises are.
  otelSpan: {
    ...common,
    label: `OpenTelemetry span across ${AWAITS} \`await\`s, then a child span`,
    floor: `no OpenTelemetry: the ${AWAITS} \`await\`s alone`,
    async: true,
    async run(setup) {
      const { api, Manager, BasicTracerProvider } = setup;
      register(setup);
      const settled = Promise.resolve(1);
      const tracer = new BasicTracerProvider().getTracer('bench');
      const traced = () => tracer.startActiveSpan('flow', async (span) => {
        for (let i = 0; i < AWAITS; i++) await settled;
        const active = api.trace.getActiveSpan();
        const child = tracer.startSpan('after-awaits');
        child.end();
        span.end();
        return active === span && child.parentSpanContext?.spanId === span.spanContext().spanId ? 1 : 0;
      });
      // The floor's check: every await ran.
      const bare = async () => {
        let i = 0;
        for (; i < AWAITS; i++) await settled;
        return i === AWAITS ? 1 : 0;
      };
      const flow = Manager ? traced : bare;
      const flows = 10_000;
      return sample(async () => {
        let kept = 0;
        for (let f = 0; f < flows; f++) kept += await flow();
        return kept;
      }, { ops: flows, runs: 7 });
    },
  },
};
