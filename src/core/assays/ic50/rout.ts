/**
 * ROUT outlier detection (Motulsky & Brown 2006, "Detecting outliers when fitting data with nonlinear
 * regression – a new method based on robust nonlinear regression and the false discovery rate",
 * BMC Bioinformatics 7:123), as GraphPad Prism applies it to curve fits:
 *
 * 1. Robust fit: minimise the Lorentzian (Cauchy) merit Σ ln(1 + (rᵢ/RSDR)²), starting from the
 *    least-squares fit, with RSDR re-estimated from the residuals after every minimisation until it
 *    settles — the paper's adaptive scale, which tightens as the fit stops chasing the outliers. Each
 *    minimisation is the general Levenberg–Marquardt on the transformed residuals
 *    eᵢ = sign(rᵢ)·√ln(1 + (rᵢ/s)²), whose sum of squares is the merit. (The paper uses a modified
 *    Marquardt method on the same merit; plain IRLS reaches the same point but converges too slowly.)
 * 2. RSDR, the robust SD of the residuals: the 68.27th percentile of |rᵢ| (Hyndman & Fan type 7, the
 *    authors' stated percentile method) times N/(N − K), K = number of fitted parameters.
 * 3. Outliers: tᵢ = |rᵢ|/RSDR with a two-sided P value from Student's t on N − K df. Residuals are
 *    ranked by |rᵢ| ascending; only the largest 30 % are tested. Going up the ranks, the first i with
 *    Pᵢ < Q·(N − (i − 1))/N — the false-discovery-rate threshold — marks that point and every point
 *    with a larger residual as an outlier.
 *
 * The caller then refits by ordinary least squares without the outliers (step 4 of the paper).
 */

import { type LeastSquaresProblem, levenbergMarquardt } from "../../fit/levenbergMarquardt.js";
import { tSurvival } from "../../stats/studentT.js";
import { type CurveData, fourPLJacobian, fourPLResiduals } from "./fourPL.js";
import type { FreeMask } from "./fourPLLeastSquares.js";

/** Constants of the ROUT procedure (Motulsky & Brown 2006). */
export const ROUT = {
  /** Percentile of |residuals| behind RSDR: the fraction of a Gaussian within ±1 SD. */
  rsdrPercentile: 0.6827,
  /** Only this fraction of the points, those with the largest residuals, are tested (ranks > ⌈0.7·N⌉). */
  testedFraction: 0.3,
  /** Re-estimations of RSDR before giving up on a stable scale. */
  maxPasses: 50,
  /**
   * Relative change of RSDR between passes that ends the robust fit, and the relative-offset tolerance
   * of each minimisation: outliers are decided on |r|/RSDR against P-value thresholds, which 1e-6
   * resolves with room to spare.
   */
  tolerance: 1e-6,
} as const;

/** Result of {@link detectOutliersRout}. */
export interface RoutResult {
  /** Indices (into the caller's input arrays) of the points ROUT flags, ascending. */
  outlierIndices: number[];
  /** Robust SD of the residuals of the robust fit. */
  rsdr: number;
  /** Parameters of the robust fit (bottom, top, lx, hill). */
  robustParams: Float64Array;
  /** Whether RSDR settled (to `ROUT.tolerance`) within `ROUT.maxPasses` minimisations. */
  robustConverged: boolean;
}

/**
 * The robust SD of the residuals: P68 of |r| (Hyndman–Fan type 7) × N/(N − K).
 * @example robustResidualSd(Float64Array.of(1, -1, 2, -2, 0.5, 3), 4) // P68 × 6/2
 */
export function robustResidualSd(residuals: Float64Array, nParams: number): number {
  const n = residuals.length;
  const sorted = Float64Array.from(residuals, Math.abs).sort();
  const h = (n - 1) * ROUT.rsdrPercentile;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const p68 = sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  return (p68 * n) / (n - nParams);
}

/**
 * Flags outliers by ROUT at false-discovery rate `q` (a fraction, e.g. 0.01 for Prism's default 1 %),
 * starting the robust fit from the least-squares parameters `start`. Needs N > K; returns no outliers
 * otherwise.
 * @example detectOutliersRout(data, fit.params, ALL_FREE, 0.01).outlierIndices
 */
export function detectOutliersRout(
  data: CurveData,
  start: Float64Array,
  free: FreeMask,
  q: number,
): RoutResult {
  const n = data.n;
  let k = 0;
  for (let bit = 0; bit < 4; bit++) k += (free >> bit) & 1;
  const params = Float64Array.from(start);
  const residuals = new Float64Array(n);
  if (n - k < 1)
    return { outlierIndices: [], rsdr: Number.NaN, robustParams: params, robustConverged: false };

  let rsdr = 0;
  let robustConverged = false;
  const freeIndex: number[] = [];
  for (let bit = 0; bit < 4; bit++) if ((free >> bit) & 1) freeIndex.push(bit);
  const full = new Float64Array(4);
  const jac = new Float64Array(n * 4);
  let scale = 1;
  const lorentzian: LeastSquaresProblem = {
    nResiduals: n,
    nParams: k,
    residuals(q, out) {
      full.set(params);
      for (let j = 0; j < k; j++) full[freeIndex[j]!] = q[j]!;
      fourPLResiduals(data, full, residuals);
      for (let i = 0; i < n; i++) {
        const z = residuals[i]! / scale;
        out[i] = Math.sign(z) * Math.sqrt(Math.log1p(z * z));
      }
    },
    jacobian(q, out) {
      full.set(params);
      for (let j = 0; j < k; j++) full[freeIndex[j]!] = q[j]!;
      fourPLJacobian(data, full, residuals, jac);
      for (let i = 0; i < n; i++) {
        const z = residuals[i]! / scale;
        const e = Math.sqrt(Math.log1p(z * z));
        // de/dr = z / ((1 + z²)·e·s), which tends to 1/s as z → 0.
        const dedr = e > 1e-8 ? Math.abs(z) / ((1 + z * z) * e * scale) : 1 / scale;
        for (let j = 0; j < k; j++) out[i * k + j] = dedr * jac[i * 4 + freeIndex[j]!]!;
      }
    },
  };
  const freeParams = new Float64Array(k);
  for (let pass = 0; pass < ROUT.maxPasses; pass++) {
    fourPLResiduals(data, params, residuals);
    const previous = rsdr;
    rsdr = robustResidualSd(residuals, k);
    if (!(rsdr > 0)) {
      robustConverged = true; // an exact fit: nothing can be an outlier
      break;
    }
    if (pass > 0 && Math.abs(rsdr - previous) <= ROUT.tolerance * rsdr) {
      robustConverged = true;
      break;
    }
    scale = rsdr;
    for (let j = 0; j < k; j++) freeParams[j] = params[freeIndex[j]!]!;
    const fit = levenbergMarquardt(lorentzian, freeParams, { offsetTol: ROUT.tolerance });
    if (!fit.converged) break;
    for (let j = 0; j < k; j++) params[freeIndex[j]!] = fit.params[j]!;
  }
  fourPLResiduals(data, params, residuals);
  rsdr = robustResidualSd(residuals, k);
  if (!(rsdr > 0)) return { outlierIndices: [], rsdr, robustParams: params, robustConverged };

  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.abs(residuals[a]!) - Math.abs(residuals[b]!),
  );
  // 1-based ranks i > ⌈0.7·N⌉ are tested; the 1e-9 keeps 0.7·20 from rounding up to 15.
  const firstTested = Math.ceil((1 - ROUT.testedFraction) * n - 1e-9); // 0-based rank
  let firstOutlier = -1;
  for (let rank = firstTested; rank < n; rank++) {
    const t = Math.abs(residuals[order[rank]!]!) / rsdr;
    const pValue = 2 * tSurvival(t, n - k);
    const alpha = (q * (n - rank)) / n; // Q·(N − (i − 1))/N with the 1-based rank i = rank + 1
    if (pValue < alpha) {
      firstOutlier = rank;
      break;
    }
  }
  const outlierIndices =
    firstOutlier < 0
      ? []
      : order
          .slice(firstOutlier)
          .map((i) => data.source[i]!)
          .sort((a, b) => a - b);
  return { outlierIndices, rsdr, robustParams: params, robustConverged };
}
