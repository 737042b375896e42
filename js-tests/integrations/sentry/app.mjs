// The Sentry page: @sentry/browser from npm with a transport that records
// what it would send (transport.mjs), and the async-context strategy the build
// put in (build.mjs: 'sentry-strategy' is als-wasm/sentry's or Sentry's
// default stack). Runs Sentry's own two-span snippet (snippet.mjs), then 20
// concurrent flows (flows.mjs), or with SENTRY_ERRORS the flows whose errors
// nobody catches (errors.mjs); prints an `INTEGRATION {...}` line with the
// counts and asserts what holds for this strategy.
import { install } from 'sentry-strategy'; // first: als-wasm patches the host before Sentry wraps it
import * as Sentry from '@sentry/browser';
import { getMainCarrier, SDK_VERSION } from '@sentry/core';
import { rng } from '../../support/random.mjs';
import { count } from './count.mjs';
import { countErrors, KINDS, runFailingFlow } from './errors.mjs';
import { runFlow } from './flows.mjs';
import { outerSpans } from './snippet.mjs';
import { events, recordingTransport, spans } from './transport.mjs';

/* global SENTRY_BUILD, SENTRY_ISOLATED, SENTRY_ERRORS, SENTRY_UNWRAPPED, SENTRY_VERSION, SENTRY_SHAPE, SENTRY_INSTALL_FIRST -- defined by build.mjs */
const FLOWS = 20;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// One generator per flow: a seed replays each flow's steps whatever order
// the flows happen to resume in.
const flowRng = (seed, flow) => rng(seed * 100 + flow);

function browserName() {
  const ua = navigator.userAgent;
  return /Firefox\//.test(ua) ? 'firefox' : /Chrom/.test(ua) ? 'chromium' : /AppleWebKit/.test(ua) ? 'webkit' : ua;
}

// The strategy Sentry holds, as its carrier keeps it per SDK version: ours
// must have every member this version's AsyncContextStrategy requires, and
// no member it does not know (a renamed or dropped member fails here).
function shapeChecks() {
  const acs = getMainCarrier().__SENTRY__?.[SDK_VERSION]?.acs;
  if (!SENTRY_ISOLATED) return [['Sentry keeps its default strategy', acs === undefined]];
  const keys = acs ? Object.keys(acs) : [];
  const missing = SENTRY_SHAPE.required.filter((k) => typeof acs?.[k] !== 'function');
  const unknown = keys.filter((k) => !SENTRY_SHAPE.all.includes(k));
  return [
    [`the strategy has every member ${SDK_VERSION} requires${missing.length ? ` (missing ${missing})` : ''}`, acs !== undefined && missing.length === 0],
    [`the strategy has no member ${SDK_VERSION} does not know${unknown.length ? ` (${unknown})` : ''}`, unknown.length === 0],
  ];
}

async function flowsChecks(seed, items) {
  const printed = await outerSpans(Sentry);
  console.log(`  the two-span snippet printed: ${printed.join(', ')}`);
  const captures = new Map();
  await Promise.all(Array.from({ length: FLOWS }, (_, i) => runFlow(Sentry, i + 1, flowRng(seed, i + 1), captures)));
  await Sentry.flush(5000);
  const c = count(events(items), spans(items), captures, FLOWS);
  const { problems, ...numbers } = c;
  console.log(`INTEGRATION ${JSON.stringify({ build: SENTRY_BUILD, browser: browserName(), sentry: SDK_VERSION, seed, flows: FLOWS, ...numbers, snippet: printed })}`);
  for (const p of problems.slice(0, 8)) console.log(`  not kept: ${p}`);
  const right = printed[0] === 'outer 1' && printed[1] === 'outer 2';
  if (SENTRY_ISOLATED) {
    return [
      ['the snippet prints outer 1, outer 2', right],
      [`every flow's event was sent (${captures.size})`, c.missingEvents === 0],
      ['every tag, breadcrumb, request breadcrumb, active span and span parent kept: 0 lost', c.lost === 0 && c.kept > 0],
      ['no flow sees another flow\'s tag, breadcrumb or span: 0 leaked', c.leaked === 0],
    ];
  }
  // Sentry's stack: the report's mix-up, so a change in Sentry is noticed.
  return [
    ['the snippet prints the wrong span', !right],
    ['flows see each other\'s tags, breadcrumbs or spans (leaked > 0)', c.leaked > 0],
  ];
}

async function errorsChecks(seed, items) {
  for (const kind of KINDS) {
    await Promise.all(Array.from({ length: FLOWS }, (_, i) => runFailingFlow(Sentry, i + 1, kind, flowRng(seed, i + 1))));
    // Unhandled rejections are reported after the microtask checkpoint.
    await sleep(300);
  }
  await Sentry.flush(5000);
  const byKind = countErrors(events(items), FLOWS);
  const sum = (k) => Object.values(byKind).reduce((n, c) => n + c[k], 0);
  console.log(`INTEGRATION ${JSON.stringify({ build: SENTRY_BUILD, browser: browserName(), sentry: SDK_VERSION, seed, flows: FLOWS, kept: sum('kept'), lost: sum('lost'), leaked: sum('leaked'), missing: sum('missing'), byKind })}`);
  const checks = [['every uncaught error gave an event', sum('missing') === 0]];
  if (SENTRY_ISOLATED) {
    for (const [kind, c] of Object.entries(byKind)) {
      checks.push([`${kind}: every event carries its own flow's tags (${c.kept} kept, ${c.lost} lost)`, c.lost === 0 && c.missing === 0]);
      checks.push([`${kind}: no event carries another flow's tags`, c.leaked === 0]);
    }
  } else {
    checks.push(['on the stack, events carry another flow\'s tags (leaked > 0)', sum('leaked') > 0]);
  }
  return checks;
}

async function main() {
  const seed = Number(new URLSearchParams(location.search).get('seed')) || Date.now() % 1_000_000;
  console.log(`sentry ${SENTRY_BUILD}: @sentry/browser ${SDK_VERSION}, seed ${seed} (?seed= replays)`);
  const { transport, items } = recordingTransport();
  // Either order works: the strategy falls back to the scopes init() set up.
  if (SENTRY_INSTALL_FIRST) install();
  Sentry.init({
    dsn: 'https://public@127.0.0.1/1',
    transport,
    tracesSampleRate: 1,
    // Sentry's browser default flattens every span under its root, since
    // the stack cannot tell concurrent parents apart.
    parentSpanIsAlwaysRootSpan: false,
    ...(SENTRY_UNWRAPPED ? { integrations: (defaults) => defaults.filter((i) => i.name !== 'BrowserApiErrors') } : {}),
  });
  if (!SENTRY_INSTALL_FIRST) install();
  const checks = [[`@sentry/browser is ${SENTRY_VERSION}`, SDK_VERSION === SENTRY_VERSION], ...shapeChecks()];
  checks.push(...(await (SENTRY_ERRORS ? errorsChecks(seed, items) : flowsChecks(seed, items))));
  let passed = 0;
  let failed = 0;
  for (const [name, ok] of checks) {
    console.log(`${ok ? 'ok' : 'FAIL'} - sentry ${SENTRY_BUILD}: ${name}`);
    if (ok) passed++;
    else failed++;
  }
  return { passed, failed };
}

main()
  .catch((e) => {
    console.log(`FAIL - sentry ${SENTRY_BUILD}: ${e?.stack ?? e}`);
    return { passed: 0, failed: 1 };
  })
  .then((result) => {
    console.log(`RESULT ${JSON.stringify(result)}`);
    globalThis.__alsResult = result;
  });
