// What the reports say: whether each layer saw its own request, and whether
// the requests really ran at the same time.
import { LAYERS } from './layers.js';

/** 'own', 'other' (another request's id) or 'none' (null or missing). */
export function verdict(report, key) {
  const saw = report.seen?.[key]?.saw;
  if (saw == null) return 'none';
  return saw === report.requestId ? 'own' : 'other';
}

export function countWrong(reports) {
  let wrong = 0;
  for (const report of reports) for (const [key] of LAYERS) if (verdict(report, key) !== 'own') wrong++;
  return wrong;
}

/** True when every request's time window in the Service Worker overlaps every other's. */
export function allInFlightAtOnce(reports) {
  const lastStart = Math.max(...reports.map((r) => r.window.start));
  const firstEnd = Math.min(...reports.map((r) => r.window.end));
  return lastStart < firstEnd;
}

/** True when the Service Worker answered in another order than the requests were sent. */
export function answeredOutOfOrder(reports) {
  return reports.some((r, i) => i > 0 && r.window.end < reports[i - 1].window.end);
}
