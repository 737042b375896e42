// OpenTelemetry's web SDK as an app sets it up before bootstrapping: an
// in-memory exporter (the page counts what it holds), the build's context
// manager, fetch and XHR instrumentation (Angular's HttpClient goes
// through fetch).
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { XMLHttpRequestInstrumentation } from '@opentelemetry/instrumentation-xml-http-request';
import { InMemorySpanExporter, SimpleSpanProcessor, WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import type { ContextManager } from '@opentelemetry/api';

export function startTelemetry(contextManager: ContextManager): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  const provider = new WebTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register({ contextManager });
  registerInstrumentations({ instrumentations: [new FetchInstrumentation(), new XMLHttpRequestInstrumentation()] });
  return exporter;
}
