// What the trace waterfall takes from npm, bundled into build/otel-sdk.js by
// `cargo xtask demo` (xtask/src/demo.rs): OpenTelemetry's ES builds import
// their own files without extensions, which no browser resolves, so an app
// bundles them, as this page does. als-wasm's manager comes first, so its
// carrier is installed before the fetch instrumentation wraps `fetch`.
export { AsyncLocalStorageContextManager } from 'als-wasm/opentelemetry';
export { context, trace } from '@opentelemetry/api';
export { StackContextManager, WebTracerProvider } from '@opentelemetry/sdk-trace-web';
export { registerInstrumentations } from '@opentelemetry/instrumentation';
export { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
