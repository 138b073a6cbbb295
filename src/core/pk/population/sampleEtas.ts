import { InputError } from "../../errors.js";
import { choleskyLower } from "./choleskyLower.js";
import type { Rng } from "./createRng.js";
import { standardNormals } from "./standardNormal.js";

/**
 * Draws `count` random-effect vectors η ~ N(0, Ω): η = L·z with L the Cholesky factor of Ω and z
 * standard normal ({@link standardNormals}). Draws are consumed subject by subject, so the first m
 * subjects of a larger sample equal a sample of m with the same seed.
 * @param omega Ω, row-major k×k (variances of the log-parameters on the diagonal)
 * @returns η, row-major count×k
 * @throws InputError for a bad Ω (see {@link choleskyLower}) or count that is not a whole number ≥ 0
 * @example sampleEtas([0.17697, 0.2255, 0.2255, 0.42726], 2, 1000, createRng(1))
 */
export function sampleEtas(omega: readonly number[], k: number, count: number, rng: Rng): Float64Array {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new InputError(`number of subjects must be a whole number ≥ 0, found ${count}`);
  }
  const l = choleskyLower(omega, k);
  const eta = new Float64Array(count * k);
  const z = new Float64Array(k);
  for (let s = 0; s < count; s++) {
    standardNormals(rng, z);
    for (let i = 0; i < k; i++) {
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += l[i * k + j]! * z[j]!;
      eta[s * k + i] = sum;
    }
  }
  return eta;
}
