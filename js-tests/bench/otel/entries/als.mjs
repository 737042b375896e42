// The bench's OpenTelemetry setup with OTel's own AsyncLocalStorageContextManager
// (@opentelemetry/context-async-hooks), servers only.
export { AsyncLocalStorageContextManager as Manager } from '@opentelemetry/context-async-hooks';
export * as api from '@opentelemetry/api';
export { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
