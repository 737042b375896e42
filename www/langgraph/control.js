// Entry of the control build (build/control.js, `?als=off`): the same page
// without als-wasm. LangChain keeps its browser default (a storage that
// holds nothing), and OpenTelemetry's web SDK its default context manager,
// StackContextManager (synchronous only).
import { StackContextManager } from '@opentelemetry/sdk-trace-web';
import { start } from './page.js';

start({ variant: 'control', contextManager: new StackContextManager() });
