// The bench's OpenTelemetry setup with ZoneContextManager: zone.js first, as
// its users load it, so the bench's promises are zone.js's too.
import 'zone.js';

export { ZoneContextManager as Manager } from '@opentelemetry/context-zone-peer-dep';
export * as api from '@opentelemetry/api';
export { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
