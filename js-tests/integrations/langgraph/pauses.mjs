// The async work inside the nodes and the model: per thread, a seeded run
// of 1 to 3 steps, each a native await, a fetch to the local server
// (serve.mjs answers /echo-traceparent after ?delay= ms), a timer, a
// MessageChannel message or an EventTarget event. Everything here exists in
// pages and in Service Workers.
import { rng } from '../../support/random.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const STEPS = {
  async await() {
    await Promise.resolve();
    await new Promise((resolve) => queueMicrotask(resolve));
  },
  async fetch(ms) {
    const res = await fetch(`/echo-traceparent?delay=${ms}`);
    await res.json();
  },
  timer: (ms) => sleep(ms),
  message: () => new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage('step');
  }),
  event: (ms) => new Promise((resolve) => {
    const target = new EventTarget();
    target.addEventListener('step', resolve, { once: true });
    setTimeout(() => target.dispatchEvent(new Event('step')), ms);
  }),
};
const KINDS = Object.keys(STEPS);

// pauses(seed): pause(thread) does that thread's next steps; `done` counts
// the steps taken, by kind.
export function pauses(seed) {
  const byThread = new Map();
  const done = Object.fromEntries(KINDS.map((k) => [k, 0]));
  async function pause(thread) {
    if (!byThread.has(thread)) byThread.set(thread, rng(seed + Number(String(thread).replace(/\D/g, '') || 0) * 7919));
    const next = byThread.get(thread);
    const count = 1 + Math.floor(next() * 3);
    for (let s = 0; s < count; s++) {
      const kind = KINDS[Math.floor(next() * KINDS.length)];
      await STEPS[kind](Math.floor(next() * 25));
      done[kind]++;
    }
  }
  return { pause, done };
}
