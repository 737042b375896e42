// Timing helpers: warm up, then time `runs` samples and keep the median.

export const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Times `once` (sync or async; it answers how many of its checks kept the
// expected store) `runs` times after `warm` untimed calls. Answers the median
// milliseconds, the median nanoseconds per op and the fewest checks kept.
export async function sample(once, { ops, runs = 7, warm = 2 }) {
  for (let i = 0; i < warm; i++) await once();
  const ms = [];
  let kept = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const k = await once();
    ms.push(performance.now() - t);
    kept = Math.min(kept, k);
  }
  const m = median(ms);
  return { ms: m, ns: (m * 1e6) / ops, ops, kept, runs };
}
