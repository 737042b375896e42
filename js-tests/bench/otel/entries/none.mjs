// The bench's floor: the OpenTelemetry API with no context manager (its
// no-op one) and the SDK's tracer. The awaits workload's floor uses no OTel.
export const Manager = null;
export * as api from '@opentelemetry/api';
export { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
