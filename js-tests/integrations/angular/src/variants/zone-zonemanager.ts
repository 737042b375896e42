// The control of the zone.js app: OpenTelemetry's ZoneContextManager, the
// manager its docs give an Angular app with zone.js.
import { provideZoneChangeDetection } from '@angular/core';
import { ZoneContextManager } from '@opentelemetry/context-zone-peer-dep';
import type { Variant } from './variant';

export const variant: Variant = {
  build: 'zone-zonemanager',
  contextManager: new ZoneContextManager(),
  changeDetection: provideZoneChangeDetection({ eventCoalescing: true }),
  zone: true,
};
