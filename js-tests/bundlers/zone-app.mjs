// The zone.js app (build.mjs builds it with each bundler, with and without
// als-wasm/plugin): zone.js first, as an Angular app loads it among its
// polyfills, so the global Promise is its ZoneAwarePromise when als-wasm
// loads, and every `await` of it is an await of a foreign thenable.
import 'zone.js';
import { run } from '../support/harness.mjs';
import '../cases/zone-await.mjs';

await run();
