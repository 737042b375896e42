// Timing helpers: warm up, then time `runs` samples and keep the median.

export const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Times `once` (sync or async; it answers how many of its checks kept the
// expected store) `runs` times after `warm` untimed calls. Answers the median
// milliseconds, the median nanoseconds per op and the fewest checks kept.
export async function sample(once, options) {
  return (await sampleSideBySide([once], options))[0];
}

// The same for several `once`s in one realm: the warm-up calls of each, then
// their timed calls in turns, every other turn in reverse order, so that a
// busy moment of a shared machine, or the garbage one leaves, hits each
// alike. Answers a result per `once`.
export async function sampleSideBySide(onces, { ops, runs = 7, warm = 2 }) {
  for (let i = 0; i < warm; i++) for (const once of onces) await once();
  const ms = onces.map(() => []);
  const kept = onces.map(() => Infinity);
  for (let i = 0; i < runs; i++) {
    for (let n = 0; n < onces.length; n++) {
      const j = i % 2 ? onces.length - 1 - n : n;
      const t = performance.now();
      const k = await onces[j]();
      ms[j].push(performance.now() - t);
      kept[j] = Math.min(kept[j], k);
    }
  }
  return ms.map((times, j) => {
    const m = median(times);
    return { ms: m, ns: (m * 1e6) / ops, ops, kept: kept[j], runs };
  });
}
