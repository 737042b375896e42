// The control of the zoneless app: the context manager WebTracerProvider
// installs by default, the one a zoneless app has today.
import { provideZonelessChangeDetection } from '@angular/core';
import { StackContextManager } from '@opentelemetry/sdk-trace-web';
import type { Variant } from './variant';

export const variant: Variant = {
  build: 'zoneless-stack',
  contextManager: new StackContextManager(),
  changeDetection: provideZonelessChangeDetection(),
  zone: false,
};
