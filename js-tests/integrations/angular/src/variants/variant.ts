import type { EnvironmentProviders } from '@angular/core';
import type { ContextManager } from '@opentelemetry/api';

export interface Variant {
  /** The build's name, as in angular.json and .bundled/integrations/angular/<build>/. */
  build: string;
  contextManager: ContextManager;
  changeDetection: EnvironmentProviders;
  /** Whether zone.js runs change detection (no markForCheck after the awaits). */
  zone: boolean;
}
