// mulberry32: a tiny seeded generator, identical in every realm, so a seed
// replays the same run (the logger's three panels, the waterfall's timings).
// js-tests/random.mjs has the same one (www/ is served from its own root).
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
