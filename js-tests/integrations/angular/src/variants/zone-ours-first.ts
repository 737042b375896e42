// The zone.js app with als-wasm loaded before zone.js (angular.json puts
// 'als-wasm' ahead of 'zone.js' in polyfills), and als-wasm's context
// manager.
import { AsyncLocalStorageContextManager } from 'als-wasm/opentelemetry';
import { provideZoneChangeDetection } from '@angular/core';
import type { Variant } from './variant';

export const variant: Variant = {
  build: 'zone-ours-first',
  contextManager: new AsyncLocalStorageContextManager(),
  changeDetection: provideZoneChangeDetection({ eventCoalescing: true }),
  zone: true,
};
