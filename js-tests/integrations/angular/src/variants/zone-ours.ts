// The zone.js app as the CLI makes it (zone.js in polyfills, async/await
// compiled to generators), with als-wasm's context manager.
import { AsyncLocalStorageContextManager } from 'als-wasm/opentelemetry';
import { provideZoneChangeDetection } from '@angular/core';
import type { Variant } from './variant';

export const variant: Variant = {
  build: 'zone-ours',
  contextManager: new AsyncLocalStorageContextManager(),
  changeDetection: provideZoneChangeDetection({ eventCoalescing: true }),
  zone: true,
};
