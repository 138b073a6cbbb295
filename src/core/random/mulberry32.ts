/**
 * mulberry32: a small, fast, seeded 32-bit PRNG, uniform in [0, 1). For synthetic test data, fixtures and
 * benchmarks, where a run must be repeatable; populations use the stronger `createRng` (xoshiro128**).
 * @example const rand = mulberry32(42); rand() // same sequence on every platform
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal deviate by Box–Muller from two uniforms of `rand` (one of the pair is discarded). */
export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}
