// The npm `events` package, bundled, for the OpenTelemetry emitter cases
// (cases/opentelemetry-support.mjs), which elsewhere evaluate its source:
// the policy here forbids evaluating strings.
import { EventEmitter } from 'events';

globalThis.__alsEventEmitter = EventEmitter;
