// OpenTelemetry's own tests of StackContextManager (opentelemetry-js,
// packages/opentelemetry-sdk-trace-web/test/StackContextManager.test.ts),
// synchronous with() and bind(), each case written anew for als-wasm's
// manager and named after the upstream case it follows:
// `otel Stack: <describe> <it>`. What ALS's and Zone's suites check alike is
// one body in opentelemetry-behaviours.mjs.
import { managerTest, is } from './opentelemetry-support.mjs';
import * as behaviour from './opentelemetry-behaviours.mjs';

const otel = managerTest('Stack');

otel('.enable() should work', ({ manager, ROOT }) => {
  is(manager.enable(), manager, 'should return this');
  is(manager.active(), ROOT, 'should have root context');
});

otel('.disable() should work', ({ manager, ROOT }) => {
  is(manager.disable(), manager, 'should return this');
  is(manager.active(), ROOT, 'should have no context');
});

// .with()

otel('.with() should run the callback (null as target)', (t) => behaviour.withRuns(t, null));
otel('.with() should run the callback (object as target)', (t) => behaviour.withEnters(t));
otel('.with() should run the callback (when disabled)', (t) => behaviour.withRunsWhenDisabled(t, null));
otel('.with() should rethrow errors', (t) => behaviour.withRethrows(t, null));
// Three nested with().
otel('.with() should finally restore an old context', (t) => behaviour.withRestoresNested(t, ['ctx1', 'ctx2', 'ctx3']));
otel('.with() should finally restore an old context when context is an object', (t) => behaviour.withRestoresNested(t, [1, 2, 3]));
otel('.with() should forward this, arguments and return value', (t) => behaviour.withForwards(t));

// .bind(function)

otel('.bind(function) should call the function with previously assigned context', (t) => behaviour.bindCallsWithAssigned(t));
// The target is a Context, bound to the active one.
const activeContext = ({ manager }) => manager.active();
otel('.bind(function) should return the same target (when enabled)', (t) =>
  behaviour.bindReturnsTarget(t, t.ROOT.setValue(t.key1, 1), { context: activeContext }),
);
otel('.bind(function) should return the same target (when disabled)', (t) =>
  behaviour.bindReturnsTarget(t, t.ROOT.setValue(t.key1, 1), { context: activeContext, disabled: true }),
);
otel('.bind(function) should return current context (when enabled)', (t) => behaviour.bindEnters(t, 1));
otel('.bind(function) should return current context (when disabled)', (t) => behaviour.bindEnters(t, 1, { disabled: true }));
