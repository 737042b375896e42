// Zoneless Angular, no zone.js anywhere, als-wasm's context manager.
import { AsyncLocalStorageContextManager } from 'als-wasm/opentelemetry';
import { provideZonelessChangeDetection } from '@angular/core';
import type { Variant } from './variant';

export const variant: Variant = {
  build: 'zoneless-ours',
  contextManager: new AsyncLocalStorageContextManager(),
  changeDetection: provideZonelessChangeDetection(),
  zone: false,
};
