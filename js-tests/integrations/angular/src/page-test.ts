// The page's test script, run once the app is up: clicks the button CLICKS
// times at once, waits for every flow and span, then counts every span's
// parent (count-spans.ts), the traceparent each request carried at the
// server, and what change detection put in the DOM. Prints FAIL lines, one
// `INTEGRATION {...}` summary and `RESULT {...}`, and publishes the result
// in globalThis.__alsResult for the runners.
import type { ApplicationRef } from '@angular/core';
import type { InMemorySpanExporter } from '@opentelemetry/sdk-trace-web';
import { HTTP_STEPS, STEPS } from './click-flow';
import { clickFlows } from './clicks.component';
import { countSpans, spanKey } from './count-spans';
import { SEED } from './seed';

const CLICKS = 20;

// What must hold per build, besides what holds everywhere (0 leaked, every
// span ended, each click span the root of its own trace, the DOM updated).
// With als-wasm every span keeps its click's (or nested span's) parent,
// zone.js or not. The controls, as measured (a change is worth a look):
// zoneless with the SDK's default manager keeps only the request made
// before the first await; ZoneContextManager in the CLI's zone.js build
// (async/await compiled to generators) keeps every step but the HttpClient
// request, which Angular's fetch backend sends outside Angular's zone, so
// outside the span's zone too.
const EVERY_STEP = Object.keys(STEPS);
const EXPECT: Record<string, { lost: 'none' | 'some'; keptEverywhere?: string[]; lostEverywhere?: string[] }> = {
  'zoneless-ours': { lost: 'none' },
  'zone-ours': { lost: 'none' },
  'zone-ours-first': { lost: 'none' },
  'zoneless-stack': { lost: 'some', keptEverywhere: ['fetch-first'] },
  'zone-zonemanager': { lost: 'some', keptEverywhere: EVERY_STEP.filter((s) => s !== 'http-client'), lostEverywhere: ['http-client'] },
};

function browserName(): string {
  const ua = navigator.userAgent;
  return /Firefox\//.test(ua) ? 'firefox' : /Chrom/.test(ua) ? 'chromium' : /AppleWebKit/.test(ua) ? 'webkit' : ua;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the DOM shows once change detection ran after the last await. */
function checkDom(): string[] {
  const wrong: string[] = [];
  const summary = document.querySelector('#summary')?.textContent?.trim();
  if (summary !== `${CLICKS} of ${CLICKS} clicks done`) wrong.push(`#summary shows "${summary}"`);
  for (let i = 0; i < CLICKS; i++) {
    const text = document.querySelector(`li[data-click="${i}"]`)?.textContent?.trim();
    const want = `click ${i}: done after ${HTTP_STEPS.length} requests`;
    if (text !== want) wrong.push(`li ${i} shows "${text}", not "${want}"`);
  }
  return wrong;
}

export async function runPageTest(build: string, appRef: ApplicationRef, exporter: InMemorySpanExporter) {
  console.log(`angular ${build}: seed ${SEED} (replay with ?seed=${SEED})`);
  const button = document.querySelector<HTMLButtonElement>('#load');
  if (!button) throw new Error('no #load button rendered');
  for (let i = 0; i < CLICKS; i++) button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  if (clickFlows.length !== CLICKS) throw new Error(`${CLICKS} clicks started ${clickFlows.length} flows`);
  const echoes = await Promise.all(clickFlows);

  // Fetch instrumentation ends its spans up to 300 ms after the body (it
  // waits for resource timing): wait until every span has ended.
  const total = CLICKS * (1 + Object.keys(STEPS).length);
  for (let waited = 0; exporter.getFinishedSpans().length < total && waited < 10_000; waited += 50) await sleep(50);
  await appRef.whenStable();
  const dom = checkDom();
  const spans = exporter.getFinishedSpans();
  const counts = countSpans(spans, CLICKS);

  // The traceparent each request carried, against its click's trace.
  const traceOf = new Map(spans.filter((s) => spanKey(s)?.step === 'click').map((s) => [spanKey(s)?.click, s.spanContext().traceId]));
  const headers = { sent: 0, ownTrace: 0, otherClick: 0 };
  const clickTraces = new Set(traceOf.values());
  echoes.forEach((byStep, i) => {
    for (const step of HTTP_STEPS) {
      const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]$/.exec(byStep.get(step) ?? '')?.[1];
      if (!traceId) continue;
      headers.sent++;
      if (traceId === traceOf.get(i)) headers.ownTrace++;
      else if (clickTraces.has(traceId)) headers.otherClick++;
    }
  });

  const { problems, keptEverywhere, lostEverywhere, ...numbers } = counts;
  const summary = { build, browser: browserName(), seed: SEED, flows: CLICKS, ...numbers, keptEverywhere, lostEverywhere, headers, domOk: dom.length === 0 };
  console.log(`INTEGRATION ${JSON.stringify(summary)}`);
  if (problems.length) console.log(`  first spans not kept: ${problems.join(', ')}`);
  for (const line of dom.slice(0, 5)) console.log(`  DOM: ${line}`);

  const expect = EXPECT[build];
  const steps = CLICKS * Object.keys(STEPS).length;
  const requests = CLICKS * HTTP_STEPS.length;
  const checks: [string, boolean][] = [
    ['the build has an expectation', expect !== undefined],
    [`every span of the ${CLICKS} clicks ended (${total})`, spans.length === total && counts.missing === 0],
    ['no span has another click\'s parent or trace (0 leaked)', counts.leaked === 0],
    ['every click span is the root of its own trace', counts.roots === CLICKS],
    [`every request sent a traceparent, none with another click's trace (${requests})`, headers.sent === requests && headers.otherClick === 0],
    ['change detection showed every click\'s result after its awaits', dom.length === 0],
  ];
  if (expect?.lost === 'none') {
    checks.push([`every span has its click's (or nested span's) parent: ${steps} kept, 0 lost`, counts.kept === steps]);
    checks.push([`every request's traceparent carries its click's trace id`, headers.ownTrace === requests]);
  } else if (expect?.lost === 'some') {
    checks.push(['some spans lose their parent after an await (lost > 0)', counts.lost > 0]);
  }
  for (const step of expect?.keptEverywhere ?? []) checks.push([`${step} keeps its parent in every click`, keptEverywhere.includes(step)]);
  for (const step of expect?.lostEverywhere ?? []) checks.push([`${step} loses its parent in every click`, lostEverywhere.includes(step)]);

  let passed = 0;
  let failed = 0;
  for (const [name, ok] of checks) {
    console.log(`${ok ? 'ok' : 'FAIL'} - angular ${build}: ${name}`);
    if (ok) passed++;
    else failed++;
  }
  return { passed, failed };
}
