// The bench's OpenTelemetry setup with als-wasm/opentelemetry: on a browser
// build the package's default entry (the patch carrier), on a server build
// its node/bun entry (the native carrier). `carrier` says which one came.
export { AsyncLocalStorageContextManager as Manager } from 'als-wasm/opentelemetry';
export { carrier } from 'als-wasm';
export * as api from '@opentelemetry/api';
export { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
