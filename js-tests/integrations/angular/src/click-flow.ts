// What one click does: a span of its own (tracer.startActiveSpan), then
// native awaits (native in the zoneless build; the CLI compiles them to
// generators when zone.js is in polyfills) of fetches to the local server,
// a timer, two fetches at once, an HttpClient call, an XHR and a nested
// active span. Every step makes one span (the request's own, from the
// instrumentation, or a manual one); STEPS says which must be its parent.
import type { HttpClient } from '@angular/common/http';
import { trace } from '@opentelemetry/api';
import { firstValueFrom } from 'rxjs';

export const STEPS: Record<string, string> = {
  'fetch-first': 'click', // before any await
  'after-sleep': 'click',
  'fetch-after-await': 'click',
  'in-timer': 'click',
  'parallel-a': 'click',
  'parallel-b': 'click',
  'http-client': 'click',
  xhr: 'click',
  nested: 'click',
  'nested-fetch': 'nested',
  last: 'click',
};

/** How many delays one click draws (one per request, sleep and timer). */
export const DELAYS = 9;

/** The requests a click makes: the server echoes the traceparent each carried. */
export const HTTP_STEPS = ['fetch-first', 'fetch-after-await', 'parallel-a', 'parallel-b', 'http-client', 'xhr', 'nested-fetch'];

type Echo = { traceparent: string | null };

export const url = (click: number, step: string, ms: number) => `/echo-traceparent?click=${click}&step=${step}&delay=${ms}`;

const tracer = () => trace.getTracer('angular-clicks');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const manual = (click: number, step: string) => tracer().startSpan(`click-${click}/${step}`).end();

function xhr(address: string): Promise<Echo> {
  return new Promise((resolve, reject) => {
    const req = new XMLHttpRequest();
    req.open('GET', address);
    req.addEventListener('load', () => resolve(JSON.parse(req.responseText)));
    req.addEventListener('error', () => reject(new Error(`XHR ${address} failed`)));
    req.send();
  });
}

/**
 * Runs click `click`'s flow; `delay()` gives its seeded delays (drawn when
 * the click happens). Resolves to the traceparent each request carried, by
 * step.
 */
export function clickFlow(click: number, http: HttpClient, delay: () => number): Promise<Map<string, string | null>> {
  const echoes = new Map<string, string | null>();
  const get = async (step: string) => {
    const echo: Echo = await (await fetch(url(click, step, delay()))).json();
    echoes.set(step, echo.traceparent);
  };
  return tracer().startActiveSpan(`click-${click}`, async (span) => {
    try {
      await get('fetch-first');
      await sleep(delay());
      manual(click, 'after-sleep');
      await get('fetch-after-await');
      await new Promise<void>((resolve) => setTimeout(() => { manual(click, 'in-timer'); resolve(); }, delay()));
      await Promise.all([get('parallel-a'), get('parallel-b')]);
      const viaHttpClient = await firstValueFrom(http.get<Echo>(url(click, 'http-client', delay())));
      echoes.set('http-client', viaHttpClient.traceparent);
      echoes.set('xhr', (await xhr(url(click, 'xhr', delay()))).traceparent);
      await tracer().startActiveSpan(`click-${click}/nested`, async (nested) => {
        try {
          await Promise.resolve();
          await get('nested-fetch');
        } finally {
          nested.end();
        }
      });
      await sleep(0);
      manual(click, 'last');
      return echoes;
    } finally {
      span.end();
    }
  });
}
