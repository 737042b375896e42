// The context manager of the "stack" page: the one WebTracerProvider.register()
// installs by default (synchronous only).
import { StackContextManager } from '@opentelemetry/sdk-trace-web';

export const contextManager = new StackContextManager();
