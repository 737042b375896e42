// The context manager of the zone.js pages: zone.js first, as an app loads
// it before anything else, then OpenTelemetry's ZoneContextManager.
import 'zone.js';
import { ZoneContextManager } from '@opentelemetry/context-zone-peer-dep';

export const contextManager = new ZoneContextManager();
