import { inverseRegularizedBeta, regularizedBeta } from "./specialFunctions.js";

function checkDfs(d1: number, d2: number, where: string): void {
  if (!(d1 > 0) || !(d2 > 0) || !Number.isFinite(d1) || !Number.isFinite(d2)) {
    throw new RangeError(`${where}: expected degrees of freedom > 0, found d1=${d1}, d2=${d2}`);
  }
}

/**
 * Cumulative distribution function P(F ≤ x) of the F distribution with (d1, d2) degrees of freedom.
 * @throws RangeError when a df is not a finite number > 0 or x is NaN.
 * @example fCdf(4.493998477666352, 1, 16) // ≈ 0.95
 */
export function fCdf(x: number, d1: number, d2: number): number {
  checkDfs(d1, d2, "fCdf");
  if (Number.isNaN(x)) throw new RangeError("fCdf: x is NaN");
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const denominator = d1 * x + d2;
  return regularizedBeta((d1 * x) / denominator, d1 / 2, d2 / 2, d2 / denominator).lower;
}

/**
 * Quantile (inverse CDF) of the F distribution with (d1, d2) degrees of freedom: the x with
 * P(F ≤ x) = p, relative error ≲ 1e-13.
 * @throws RangeError when p is outside (0, 1) or a df is not a finite number > 0.
 * @example fQuantile(0.95, 1, 16) // ≈ 4.493998477666352, used by the profile-likelihood CI
 */
export function fQuantile(p: number, d1: number, d2: number): number {
  checkDfs(d1, d2, "fQuantile");
  if (!(p > 0 && p < 1)) throw new RangeError(`fQuantile: expected 0 < p < 1, found ${p}`);
  // P(F ≤ x) = I_u(d1/2, d2/2) with u = d1·x/(d1·x + d2), so x = d2·u/(d1·(1 − u)); the inverse gives
  // u and 1 − u each to full precision.
  const [u, v] = inverseRegularizedBeta(p, d1 / 2, d2 / 2);
  return (d2 * u) / (d1 * v);
}
