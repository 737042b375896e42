// Where the deferred post:viewed listener records what it saw, by request id:
// it runs after the response is gone, so the page asks for it separately.
import { sleep } from '../services/timers.js';

const records = new Map();

export function recordAfterResponse(requestId, record) {
  records.set(requestId, record);
}

/** The records of `ids` (null for any still missing after `timeoutMs`), removed from the log. */
export async function takeAfterResponse(ids, timeoutMs = 3000) {
  const deadline = performance.now() + timeoutMs;
  while (!ids.every((id) => records.has(id)) && performance.now() < deadline) await sleep(20);
  const taken = Object.fromEntries(ids.map((id) => [id, records.get(id) ?? null]));
  for (const id of ids) records.delete(id);
  return taken;
}
