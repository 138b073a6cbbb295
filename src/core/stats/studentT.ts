import { inverseRegularizedBeta, regularizedBeta } from "./specialFunctions.js";

function checkDf(df: number, where: string): void {
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`${where}: expected degrees of freedom > 0, found ${df}`);
  }
}

/**
 * Upper tail P(T > t) of Student's t distribution with `df` degrees of freedom, to full relative
 * precision in both tails (the two-sided p-value of |t| is `2 * tSurvival(Math.abs(t), df)`).
 * @throws RangeError when df is not a finite number > 0 or t is NaN.
 * @example tSurvival(2.0859634472658364, 20) // ≈ 0.025
 */
export function tSurvival(t: number, df: number): number {
  checkDf(df, "tSurvival");
  if (Number.isNaN(t)) throw new RangeError("tSurvival: t is NaN");
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  const t2 = t * t;
  // P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, ½); the complement is passed so that small |t| keeps its digits.
  const tails = regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
  return t > 0 ? 0.5 * tails.lower : 1 - 0.5 * tails.lower;
}

/**
 * Cumulative distribution function P(T ≤ t) of Student's t distribution with `df` degrees of freedom.
 * @throws RangeError when df is not a finite number > 0 or t is NaN.
 * @example tCdf(-2.0859634472658364, 20) // ≈ 0.025
 */
export function tCdf(t: number, df: number): number {
  return tSurvival(-t, df);
}

/**
 * Quantile (inverse CDF) of Student's t distribution: the t with P(T ≤ t) = p, relative error ≲ 1e-13.
 * Non-integer df are allowed; df = 1 and 2 use their closed forms.
 * @throws RangeError when p is outside (0, 1) or df is not a finite number > 0.
 * @example tQuantile(0.975, 16) // ≈ 2.1199052992210112, the 95 % two-sided critical value
 */
export function tQuantile(p: number, df: number): number {
  checkDf(df, "tQuantile");
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: expected 0 < p < 1, found ${p}`);
  if (p === 0.5) return 0;
  if (df === 1) return -1 / Math.tan(Math.PI * p);
  // Two-sided tail probability, exact in floating point (2p is exact; 1 − p is exact for p ≥ ½).
  const q = p < 0.5 ? 2 * p : 2 * (1 - p);
  if (df === 2) {
    const tail = q / 2;
    const t = (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
    return p < 0.5 ? -t : t;
  }
  // P(|T| > t) = I_z(ν/2, ½) with z = ν/(ν + t²); the inverse returns z and w = 1 − z = t²/(ν + t²),
  // both to full precision, so t = √(ν·w/z) keeps its digits near 0 and in the far tails alike.
  const [z, w] = inverseRegularizedBeta(q, df / 2, 0.5, 1 - q);
  const t = Math.sqrt((df * w) / z);
  return p < 0.5 ? -t : t;
}
