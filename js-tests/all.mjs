import { run } from './harness.mjs';
import './cases/api.mjs';
import './cases/errors.mjs';
import './cases/resource.mjs';
import './cases/bind-snapshot.mjs';
import './cases/scope.mjs';
import './cases/deno-reference.mjs';
import './cases/fuzz.mjs';
await run();
