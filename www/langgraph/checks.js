// The page's own verdicts, each check counted kept / lost / mixed: kept is
// the run's own value, lost is nothing (or an error), mixed is another
// run's. js-tests/e2e/langgraph.mjs makes the same counts from the raw data.
import { SITES } from './graph.js';

export const expectedAnswer = (user, decision) =>
  decision.action === 'reject' ? `Sorry ${user}, a person will answer you shortly.` : `Sent to ${user}: "${decision.text}"`;

const verdict = (own, seen) => (seen === own ? 'kept' : seen === undefined || seen === null ? 'lost' : 'mixed');
const tally = (verdicts) => ({
  kept: verdicts.filter((v) => v === 'kept').length,
  lost: verdicts.filter((v) => v === 'lost').length,
  mixed: verdicts.filter((v) => v === 'mixed').length,
});

/** What each site read in each run (a site never reached counts as lost). */
export function readVerdicts(run) {
  return SITES.map((site) => {
    const read = run.reads.find((r) => r.node === site);
    return { site, reached: read !== undefined, seen: read?.thread, verdict: verdict(run.thread, read?.thread) };
  });
}

/** Whether the run finished with the answer its own decision asks for. */
export function answerVerdict(run) {
  if (run.answer == null || !run.decision) return 'lost';
  return run.answer === expectedAnswer(run.user, run.decision) ? 'kept' : 'mixed';
}

/**
 * Where each span hangs. A run's own span has no parent. Every other span
 * must hang under the span its claim names, in its run's trace: lost when
 * it hangs in no run's trace (a new trace, or under a span cut off from
 * every run), mixed when it hangs under any other span.
 */
export function spanVerdicts(spans) {
  const key = (run, name) => `${run}\u0000${name}`;
  const made = new Map(spans.map((s) => [key(s.claim.run, s.name), s]));
  const roots = new Map(spans.filter((s) => s.claim.parent === null).map((s) => [s.claim.run, s]));
  const runTraces = new Set([...roots.values()].map((s) => s.trace));
  return new Map(
    spans.map((s) => {
      if (s.claim.parent === null) return [s.id, s.parent === null ? 'kept' : 'mixed'];
      const expected = made.get(key(s.claim.run, s.claim.parent));
      if (s.parent === null || !runTraces.has(s.trace)) return [s.id, 'lost'];
      return [s.id, expected && s.parent === expected.id && s.trace === roots.get(s.claim.run).trace ? 'kept' : 'mixed'];
    }),
  );
}

export function summary(runs, spans) {
  return {
    reads: tally(runs.flatMap((r) => readVerdicts(r).map((v) => v.verdict))),
    answers: tally(runs.map(answerVerdict)),
    spans: tally([...spanVerdicts(spans).values()]),
  };
}
