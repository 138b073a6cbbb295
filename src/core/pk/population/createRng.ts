import { InputError } from "../../errors.js";

/** A source of uniform random numbers in (0, 1). */
export type Rng = () => number;

/**
 * A seeded xoshiro128** generator (Blackman & Vigna 2018) returning uniforms in the open interval
 * (0, 1) with 53 random bits (two 32-bit outputs per number). The 128-bit state is filled from the seed
 * by splitmix32, so nearby seeds give unrelated streams. Integer arithmetic only (`Math.imul`, shifts):
 * the stream is identical on every platform and JavaScript engine.
 * @param seed any integer; only its low 32 bits are used
 * @throws InputError when the seed is not an integer
 * @example const rng = createRng(42); rng(); // 0 < u < 1, the same on every machine
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new InputError(`seed must be an integer, found ${seed}`);
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  const next = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  // 27 + 26 bits, offset by half a step so that neither 0 nor 1 can occur (Box–Muller takes a log).
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6) + 0.5) / 9007199254740992;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
