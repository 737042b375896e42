// The asynchronous steps a flow takes between its Sentry calls, drawn from a
// seeded generator: native awaits of timers, fetches and XHRs to the local
// server (runners/serve.mjs answers /echo-traceparent after `delay` ms), a
// timer callback, an event dispatched from a timer, a microtask. Callbacks add
// a breadcrumb of their own, so Sentry calls run inside host callbacks too.
const KINDS = ['sleep', 'fetch', 'timer', 'xhr', 'event', 'microtask'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function stepper(next, flow, crumb) {
  const ms = () => Math.floor(next() * 25);
  let request = 0;
  const url = () => `/echo-traceparent?flow=${flow}&request=${++request}&delay=${ms()}`;
  // The requests this flow saw answered, whose breadcrumbs (Sentry's own
  // fetch and XHR breadcrumbs) its later events must carry.
  const answered = [];
  const run = {
    sleep: () => sleep(ms()),
    fetch: async () => {
      const u = url();
      await (await fetch(u)).json();
      answered.push(u);
    },
    timer: () => new Promise((resolve) => setTimeout(() => { crumb('timer'); resolve(); }, ms())),
    xhr: () =>
      new Promise((resolve, reject) => {
        const u = url();
        const req = new XMLHttpRequest();
        req.open('GET', u);
        req.addEventListener('load', () => { crumb('xhr-load'); answered.push(u); resolve(); });
        req.addEventListener('error', () => reject(new Error(`XHR ${u} failed`)));
        req.send();
      }),
    event: () =>
      new Promise((resolve) => {
        const target = new EventTarget();
        target.addEventListener('step', () => { crumb('event'); resolve(); }, { once: true });
        setTimeout(() => target.dispatchEvent(new Event('step')), ms());
      }),
    microtask: () => new Promise((resolve) => queueMicrotask(() => { crumb('microtask'); resolve(); })),
  };
  const step = () => run[KINDS[Math.floor(next() * KINDS.length)]]();
  return { step, answered };
}
