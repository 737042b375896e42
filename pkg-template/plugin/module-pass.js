// What als-wasm/plugin does with one module, whichever bundler asks
// (index.js for unplugin's adapters, esbuild.js for esbuild's own): which
// modules it reads and what it hands back for each.
import { transformAwaits } from './transform.js';
import { markGlobalReads } from './global-reads.js';

// A JS or TS module by its path (esbuild.js filters on it natively).
export const SCRIPT = /\.[cm]?[jt]sx?$/;

// Whether the module `id` is rewritten: the app's JS and TS modules (also
// Vite's `x.vue?…&lang.ts` parts), not node_modules unless its package is
// listed in `packages` (or `packages: true`, every package), never this
// package, never a virtual module.
export function selects(id, { include, exclude, packages = [] } = {}) {
  if (id.startsWith('\0')) return false;
  const file = fileOf(id);
  if (matches(exclude, file)) return false;
  const pkg = packageOf(file);
  if (pkg === 'als-wasm') return false;
  if (pkg !== null && packages !== true && !packages.includes(pkg)) return false;
  if (include !== undefined) return matches(include, file);
  return SCRIPT.test(file) || SCRIPT.test(id);
}

const fileOf = (id) => id.replace(/[?#].*$/, '').replaceAll('\\', '/');

// The innermost node_modules folder names the package; null for the app's.
function packageOf(file) {
  return [...file.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)(?=\/)/g)].at(-1)?.[1] ?? null;
}

// The package of a script the plugin leaves as it is, read only to warn;
// null for any other module.
function scannedPackage(id, options) {
  if (id.startsWith('\0')) return null;
  const file = fileOf(id);
  const pkg = packageOf(file);
  if (pkg === null || pkg === 'als-wasm' || pkg.startsWith('.') || !SCRIPT.test(file) || selects(id, options)) return null;
  return pkg;
}

// Whether code (of a module not rewritten) calls enterWith, withScope or
// AsyncResource#bind after an `await`: without the rewrite, such a call
// right after `await null` can leave its store for the app's next callbacks
// (docs/browser-carrier.md, limits). A textual check: it may name a package that never does.
export function entersAfterAwait(code) {
  const first = code.search(/\bawait\b/);
  if (first < 0) return false;
  const rest = code.slice(first);
  return /\.(?:enterWith|withScope)\s*\(/.test(rest) || (code.includes('AsyncResource') && /\.bind\s*\(/.test(rest));
}

function matches(pattern, file) {
  if (pattern === undefined) return false;
  const list = Array.isArray(pattern) ? pattern : [pattern];
  return list.some((p) => (p instanceof RegExp ? p.test(file) : file.includes(p)));
}

// The module of als-wasm that says whether the carrier hooks every await
// (carrier/await-hook.js): `awaitHook: false` builds it with `false`.
const AWAIT_HOOK_MODULE = /\/als-wasm\/carrier\/await-hook\.js$/;
const NO_AWAIT_HOOK = 'export const AWAIT_HOOK = false;\n';

// Only code that could need the rewrite, a warning or a note: every other
// module is answered null without a call of `rewrite`. With the await hook
// off then, catch and finally calls are rewritten too (transform.js checks
// more closely).
const CODE_FILTER = /await|yield|AsyncLocalStorage|AWAIT_HOOK/;
const CODE_FILTER_HOOK_OFF = new RegExp(`${CODE_FILTER.source}|then|catch|finally`);

// The plugin's decisions for one build, shared by the unplugin hooks and the
// esbuild plugin (esbuild.js): which modules it reads (`includes`) and what
// it makes of one (`rewrite`: null to keep it, or { code, map }), with `warn`
// for the build's warnings; `codeFilter`: what the code of a module it
// rewrites has. `start()` begins a new build.
export function modulePass(options = {}) {
  if (options.awaitHook === false && options.packages !== true) {
    throw new TypeError(
      'als-wasm/plugin: awaitHook: false needs packages: true: an await the plugin does not rewrite then loses its store',
    );
  }
  const awaitHookOff = (id) => options.awaitHook === false && AWAIT_HOOK_MODULE.test(fileOf(id));
  // Packages already named in this build's warnings.
  const warned = new Set();
  return {
    codeFilter: options.awaitHook === false ? CODE_FILTER_HOOK_OFF : CODE_FILTER,
    start: () => warned.clear(),
    includes: (id) => awaitHookOff(id) || selects(id, options) || scannedPackage(id, options) !== null,
    rewrite(code, id, { sourcemap, warn }) {
      if (awaitHookOff(id)) return { code: NO_AWAIT_HOOK, map: null };
      const pkg = scannedPackage(id, options);
      if (pkg !== null) {
        if (!warned.has(pkg) && entersAfterAwait(code)) {
          warned.add(pkg);
          warn(
            `als-wasm/plugin does not rewrite ${pkg}, whose code calls enterWith, withScope or AsyncResource#bind after an await: ` +
              `there its store can reach other flows' callbacks. Add it to the plugin's packages option (or packages: true).`,
          );
        }
        return markGlobalReads(code, id, pkg, { sourcemap });
      }
      try {
        return transformAwaits(code, id, { ...options, sourcemap });
      } catch (error) {
        if (!(error instanceof SyntaxError) && !error.leaveAsIs) throw error;
        // The bundler parses the module next and reports the error its usual
        // way, at the right place; its awaits stay as they are.
        const where = error.loc ? `:${error.loc.line}:${error.loc.column + 1}` : '';
        const message = error.message.replace(/ \(\d+:\d+\)$/, '');
        warn(`als-wasm/plugin left ${id}${where} as it is: ${message}`);
        return null;
      }
    },
  };
}

