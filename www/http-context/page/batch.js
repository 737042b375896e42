// One batch: N real fetches sent at once (random users, posts, timer waits
// and network delays), then the pitfalls report for their ids.
const USERS = ['ana', 'ben', 'chloe', 'dev'];
const POSTS = 6;

const randomInt = (min, max) => min + Math.floor(Math.random() * (max - min + 1));

/** N request descriptions; ids are `<batch>-<nn>`, unique across batches and reloads. */
export function planBatch(n) {
  const batch = Math.random().toString(36).slice(2, 5);
  const requests = Array.from({ length: n }, (_, i) => ({
    id: `${batch}-${String(i + 1).padStart(2, '0')}`,
    user: USERS[i % USERS.length],
    post: randomInt(1, POSTS),
    wait: randomInt(0, 60),
    // At least 150 ms in flight, so that all N overlap even on a loaded machine.
    delay: randomInt(150, 450),
  }));
  return { batch, requests };
}

export function sendRequest({ id, user, post, wait, delay }) {
  return fetch(`./api/posts/${post}?wait=${wait}&delay=${delay}`, {
    headers: { authorization: `Bearer ${user}`, 'x-request-id': id },
  }).then((response) => response.json());
}

export function fetchPitfalls(ids = []) {
  return fetch(`./api/pitfalls?ids=${ids.join(',')}`).then((response) => response.json());
}

/** Sends every request at once; answers their reports, in request order. */
export async function sendBatch(requests) {
  const reports = await Promise.all(requests.map(sendRequest));
  const pitfalls = await fetchPitfalls(requests.map((r) => r.id));
  return { reports, pitfalls: pitfalls.data };
}
