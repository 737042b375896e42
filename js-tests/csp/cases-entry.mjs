// Every case of all.mjs under the policy (index.html), with the emitter the
// OpenTelemetry cases need bundled first (events.mjs).
import './events.mjs';
import '../suites/all.mjs';
