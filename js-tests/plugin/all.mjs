// The plugin's transform tests: node js-tests/plugin/all.mjs,
// after the packed package is installed in js-tests/node_modules.
import { run } from '../support/harness.mjs';
import './snapshots.mjs';
import './reparse.mjs';
import './equivalence.mjs';
import './sourcemaps.mjs';
import './esbuild-sourcemap.mjs';
import './esbuild-own.mjs';
import './unchanged.mjs';
import './bundlers-unchanged.mjs';
import './syntax-errors.mjs';
import './selects.mjs';
import './package-warnings.mjs';
import './rejects.mjs';
import './accepted-syntax.mjs';
import './global-reads.mjs';
import './await-hook.mjs';
import './reactions.mjs';
import './helper-names.mjs';
import './script-this.mjs';
await run();
