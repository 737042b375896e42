// The fresh-realm cases (js-tests/fresh/): root behaviour, each case meant to
// run alone in a new process or page (ALS_CASE / ?case=).
import '../fresh/before-import.mjs';
import { run } from '../support/harness.mjs';
import '../fresh/enter-with.mjs';
import '../fresh/outside-every-run.mjs';
import '../fresh/host-events.mjs';
import '../fresh/async.mjs';
import '../fresh/engine-then.mjs';
import '../fresh/handed-then.mjs';
import '../fresh/moved-port.mjs';
import '../fresh/servers.mjs';
import '../fresh/native-calls.mjs';
import '../fresh/broadcast.mjs';
import '../fresh/uncaught.mjs';
import '../fresh/early-subclass.mjs';
import '../fresh/stress-root.mjs';
import '../fresh/variable-root.mjs';
import '../fresh/variable-host-events.mjs';
import '../fresh/variable-engine-then.mjs';
import '../fresh/variable-stress-root.mjs';
await run();
