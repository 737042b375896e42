// The OpenTelemetry setups the bench compares, each a bundle that
// build.mjs made from entries/<setup>.mjs for this host: load(impl) imports
// the one of `impl` and answers its exports { api, Manager,
// BasicTracerProvider } (Manager null for the floor). Where a setup does not
// exist (zone.js and StackContextManager on servers, OTel's
// AsyncLocalStorageContextManager in browsers) it throws NotHere.
import { host, NotHere } from '../impls.mjs';

export const OTEL_IMPLS = {
  'otel-ours': 'ours',
  'otel-zone': 'zone',
  'otel-stack': 'stack',
  'otel-als': 'als',
  'otel-none': 'none',
};

// The setups built per target (build.mjs): browsers, Node and Deno, Bun.
// zone.js and StackContextManager are for browsers, OTel's
// AsyncLocalStorageContextManager for servers.
export const SETUPS = {
  browser: ['ours', 'zone', 'stack', 'none'],
  node: ['ours', 'als', 'none'],
  bun: ['ours', 'als', 'none'],
};

const targetOf = (kind) => (kind === 'browser' ? 'browser' : kind === 'bun' ? 'bun' : 'node');

// The implementations that run on a host of this kind (main.mjs: 'browser'
// or 'server'; servers all have the same setups).
export function otelImplsFor(kind) {
  const setups = SETUPS[kind === 'browser' ? 'browser' : 'node'];
  return Object.keys(OTEL_IMPLS).filter((impl) => setups.includes(OTEL_IMPLS[impl]));
}

export async function loadOtel(impl) {
  const setup = OTEL_IMPLS[impl];
  if (!setup) throw new Error(`unknown implementation ${impl}`);
  const target = targetOf(host);
  if (!SETUPS[target].includes(setup)) throw new NotHere(`no ${setup} setup for ${target}`);
  const m = await import(new URL(`../../.bundled/otel-bench/${setup}.${target}.mjs`, import.meta.url));
  // Ours must be the carrier a user of this host gets: the patch carrier in
  // browsers, the native one on servers.
  const carrier = host === 'browser' ? 'patch' : 'native';
  if (setup === 'ours' && m.carrier !== carrier) throw new Error(`als-wasm/opentelemetry: carrier ${m.carrier}, not ${carrier}`);
  return m;
}
