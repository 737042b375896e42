// The bundled test app (build.mjs builds it with each bundler, with and
// without als-wasm/plugin): the cases of all.mjs that a page can run from
// one bundle, the plugin's own cases, a real thenable library and an
// AdonisJS-style pipeline. Left out: copies.mjs (a second package copy, which
// impl.mjs imports at run time and the bundles leave external).
import { run } from '../support/harness.mjs';
import '../cases/api.mjs';
import '../cases/errors.mjs';
import '../cases/resource.mjs';
import '../cases/bind-snapshot.mjs';
import '../cases/scope.mjs';
import '../cases/deno-reference.mjs';
import '../cases/fuzz.mjs';
import '../cases/propagation.mjs';
import '../cases/await-hook.mjs';
import '../cases/causes.mjs';
import '../cases/host-async.mjs';
import '../cases/plugin.mjs';
import '../cases/async-context.mjs';
import '../cases/thenable-library.mjs';
import './adonis-pipeline.mjs';
import '../cases/stress.mjs';
await run();
