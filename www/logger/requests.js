// One simulated request: the handler a server would run inside
// storage.run(id, …), doing the async work real handlers do. Every line passes
// the request's own `id` as the ground truth, never the storage's answer.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const delayUrl = (ms) => `/api/delay?ms=${ms}`;

// A service layer: a nested async helper with awaits and lines of its own.
async function loadUser(log, ms) {
  log('service: query user');
  const res = await fetch(delayUrl(ms));
  await res.json();
  log('service: row loaded');
  return 'user';
}

async function timerBranch(log, ms) {
  await sleep(ms);
  log(`all: branch sleep(${ms}) done`);
}

async function fetchBranch(log, ms) {
  const body = await (await fetch(delayUrl(ms))).json();
  log(`all: branch fetch ${body.ms}ms done`);
}

// One entry per kind in plan.js, each logging LINES_PER_STEP[kind] lines.
const STEPS = {
  async sleep(log, { ms }) {
    await sleep(ms);
    log(`await sleep(${ms})`);
  },
  async fetch(log, { fetchMs }) {
    const body = await (await fetch(delayUrl(fetchMs))).json();
    log(`await fetch ${body.ms}ms`);
  },
  setTimeout(log, { ms }) {
    return new Promise((done) =>
      setTimeout(() => {
        log(`setTimeout(${ms}) callback`);
        done();
      }, ms),
    );
  },
  queueMicrotask(log) {
    return new Promise((done) =>
      queueMicrotask(() => {
        log('queueMicrotask callback');
        done();
      }),
    );
  },
  then(log, { fetchMs }) {
    return fetch(delayUrl(fetchMs))
      .then((res) => {
        log('fetch().then: response');
        return res.json();
      })
      .then((body) => log(`.then: body ${body.ms}ms`));
  },
  async all(log, { ms, fetchMs }) {
    await Promise.all([timerBranch(log, ms), fetchBranch(log, fetchMs)]);
    log('Promise.all resolved');
  },
  async service(log, { fetchMs }) {
    const user = await loadUser(log, fetchMs);
    log(`handler: got ${user}`);
  },
};

export async function handleRequest({ id, steps }, logWithId) {
  const log = (msg) => logWithId(msg, id);
  log('start');
  for (const step of steps) await STEPS[step.kind](log, step);
  log('finish');
}
