// OpenTelemetry's WebTracerProvider test "when contextManager is
// ZoneContextManager / should correctly return the contexts for 2 parallel
// actions" (packages/opentelemetry-sdk-trace-web/test/WebTracerProvider.test.ts),
// written anew with als-wasm's manager as the API's global context manager.
// js-tests has the API only, no SDK: the spans are the API's own
// (non-recording) ones, told apart by identity as upstream does; the SDK's
// spans are the end-to-end pages' part.
import { test, ok } from '../support/harness.mjs';
import { openTelemetry } from '../support/subject.mjs';
import { finish, is } from './opentelemetry-support.mjs';

test('otel WebTracerProvider: when contextManager is ours, should correctly return the contexts for 2 parallel actions', async () => {
  const { AsyncLocalStorageContextManager: Manager, api } = await openTelemetry();
  const { context, trace } = api;
  const manager = new Manager().enable();
  ok(context.setGlobalContextManager(manager), 'the manager is registered as the global one');
  try {
    const tracer = trace.getTracer('default');
    const rootSpan = tracer.startSpan('rootSpan');
    await finish((done, guard) => {
      context.with(trace.setSpan(context.active(), rootSpan), () => {
        is(trace.getSpan(context.active()), rootSpan, 'Current span is rootSpan');
        const concurrentSpan1 = tracer.startSpan('concurrentSpan1');
        const concurrentSpan2 = tracer.startSpan('concurrentSpan2');
        let first = false;
        context.with(trace.setSpan(context.active(), concurrentSpan1), () => {
          setTimeout(
            guard(() => {
              is(trace.getSpan(context.active()), concurrentSpan1, 'Current span is concurrentSpan1');
              first = true;
            }),
            10,
          );
        });
        context.with(trace.setSpan(context.active(), concurrentSpan2), () => {
          setTimeout(
            guard(() => {
              is(trace.getSpan(context.active()), concurrentSpan2, 'Current span is concurrentSpan2');
              ok(first, 'the first timer ran');
              done();
            }),
            20,
          );
        });
      });
    });
    is(trace.getSpan(context.active()), undefined, 'no span after the actions');
  } finally {
    manager.disable();
    context.disable();
  }
});
