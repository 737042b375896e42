// The bench's OpenTelemetry setup with StackContextManager, the web SDK's
// default (synchronous code only).
export { StackContextManager as Manager } from '@opentelemetry/sdk-trace-web';
export * as api from '@opentelemetry/api';
export { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
