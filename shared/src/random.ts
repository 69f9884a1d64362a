/**
 * mulberry32: a tiny seeded PRNG. Demo data, test fixtures and benchmarks use it so that the same seed
 * always yields the same stream (never Math.random for anything that must be reproducible).
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
