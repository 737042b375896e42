// The page's seed (?seed= replays a run) and the seeded delays the clicks
// draw from, in click order, so the order requests finish in is the seed's.
import { rng } from '../../../support/random.mjs';

export const SEED = Number(new URLSearchParams(location.search).get('seed')) || Date.now() % 1_000_000;

const next = rng(SEED);

/** `count` delays of 0 to 29 ms, drawn now. */
export const drawDelays = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 30));
