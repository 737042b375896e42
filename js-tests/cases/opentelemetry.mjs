// OpenTelemetry's own context-manager tests, re-stated as our cases for
// als-wasm/opentelemetry: AsyncLocalStorageContextManager's,
// ZoneContextManager's, StackContextManager's and WebTracerProvider's
// parallel-actions case, one file each; then cases beyond them.
import './opentelemetry-als.mjs';
import './opentelemetry-als-emitter.mjs';
import './opentelemetry-als-attach.mjs';
import './opentelemetry-zone.mjs';
import './opentelemetry-stack.mjs';
import './opentelemetry-web-tracer.mjs';
import './opentelemetry-ours.mjs';
