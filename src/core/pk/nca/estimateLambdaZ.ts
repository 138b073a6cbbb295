/** The terminal-phase regression chosen for λz. */
export interface LambdaZFit {
  /** Terminal elimination rate constant, 1/h (minus the slope of ln C on t). */
  lambdaZ: number;
  /** ln C intercept at t = 0 of the chosen regression (ln ng/mL). */
  intercept: number;
  r2: number;
  r2adj: number;
  /** Number of terminal points in the regression (the last `pointsUsed` positive samples). */
  pointsUsed: number;
  /** Time of the first point in the regression, h. */
  start_h: number;
  /** Time of the last point in the regression (= Tlast), h. */
  end_h: number;
}

/**
 * λz by log-linear least squares on the last n points of `time`/`conc` (all positive, ascending time),
 * for every n from `minPoints` to all of them, choosing PKNCA's way (`pk.calc.half.life`): among the
 * fits with λz > 0, keep those whose adjusted R² is at least (best adjusted R² − `adjR2Tolerance`; PKNCA says "greater than", which differs only at exact equality and makes a tolerance of 0 select nothing)
 * and take the one with the most points. Adjusted R² = 1 − (1 − R²)(n − 1)/(n − 2).
 * Returns null when fewer than `minPoints` points are given or no fit has a negative slope.
 * @example estimateLambdaZ(Float64Array.of(4, 8, 12), Float64Array.of(4, 2, 1), 3, 1e-4)?.lambdaZ // ln 2 / 4
 */
export function estimateLambdaZ(
  time: Float64Array,
  conc: Float64Array,
  minPoints: number,
  adjR2Tolerance: number,
): LambdaZFit | null {
  const total = time.length;
  if (total < minPoints) return null;
  const fits: LambdaZFit[] = [];
  for (let n = minPoints; n <= total; n++) {
    const fit = regressTail(time, conc, total - n);
    if (fit) fits.push(fit);
  }
  if (fits.length === 0) return null;
  let best = Number.NEGATIVE_INFINITY;
  for (const f of fits) best = Math.max(best, f.r2adj);
  let chosen: LambdaZFit | null = null;
  for (const f of fits) {
    if (f.r2adj >= best - adjR2Tolerance && (!chosen || f.pointsUsed > chosen.pointsUsed)) chosen = f;
  }
  return chosen;
}

/**
 * Least squares of ln C on t over points `first … end`, in two passes (means, then centred sums) so
 * that R² near 1 keeps its digits; the tail is short, so the O(n²) total over all n does not matter.
 */
function regressTail(time: Float64Array, conc: Float64Array, first: number): LambdaZFit | null {
  const total = time.length;
  const n = total - first;
  let meanT = 0;
  let meanY = 0;
  for (let i = first; i < total; i++) {
    meanT += time[i]!;
    meanY += Math.log(conc[i]!);
  }
  meanT /= n;
  meanY /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = first; i < total; i++) {
    const dt = time[i]! - meanT;
    const dy = Math.log(conc[i]!) - meanY;
    sxx += dt * dt;
    sxy += dt * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  if (!(slope < 0)) return null;
  // syy > 0 whenever the slope is negative; R² = r² of the Pearson correlation.
  const r2 = Math.min(1, (sxy * sxy) / (sxx * syy));
  return {
    lambdaZ: -slope,
    intercept: meanY - slope * meanT,
    r2,
    r2adj: 1 - ((1 - r2) * (n - 1)) / (n - 2),
    pointsUsed: n,
    start_h: time[first]!,
    end_h: time[total - 1]!,
  };
}
