// Fills in each pitfall box with what the Service Worker recorded.
export function renderTopLevel({ topLevel }) {
  const { get, getOrFail } = topLevel;
  const result = document.querySelector('#pitfall-top-level .result');
  const fine = get === null && 'threw' in getOrFail;
  result.className = `result ${fine ? 'ok' : 'bad'}`;
  result.textContent = `get() → ${JSON.stringify(get)}; getOrFail() → ${'threw' in getOrFail ? `threw “${getOrFail.threw}”` : `returned ${getOrFail.returned}`}`;
}

export function renderListeners(reports, { afterResponse }) {
  const n = reports.length;
  const during = reports.filter((r) => r.seen.eventListener?.saw === r.requestId).length;
  const listener = document.querySelector('#pitfall-listener .result');
  listener.className = `result ${during === n ? 'ok' : 'bad'}`;
  listener.textContent = `${during}/${n} listeners saw the request that emitted.`;

  const later = reports.map((r) => [r, afterResponse[r.requestId]]);
  const stale = later.filter(([r, l]) => l && l.saw === r.requestId && l.answered);
  const ago = stale.map(([, l]) => Math.round(l.at - l.answeredAt));
  const range = Math.min(...ago) === Math.max(...ago) ? `${ago[0]}` : `${Math.min(...ago)}–${Math.max(...ago)}`;
  const deferred = document.querySelector('#pitfall-after-response .result');
  deferred.className = `result ${stale.length === n ? 'mixed' : 'bad'}`;
  deferred.textContent = stale.length
    ? `${stale.length}/${n} still saw their request — request already answered (${range} ms earlier).`
    : `0/${n} saw their request after the response.`;
}
