/**
 * The 12-point starting grid of DEFINITIONS.md §4 (identical in the R and Python references):
 * bottom₀ = min and top₀ = max of the per-concentration means; lx₀ ∈ {the log-x where the means cross
 * their midpoint, by linear interpolation on log x; lo + ¼, ½, ¾ of the log-x range}; hill₀ ∈
 * {0.7, 1.5, 3.0}. Fixed plateaus replace bottom₀/top₀.
 */
import type { ConcentrationSummary } from "./classifyCurve.js";

/** Hill slopes of the grid. */
export const START_HILLS = [0.7, 1.5, 3.0] as const;
/** Number of starting points in the grid (4 lx₀ × 3 hill₀). */
export const START_COUNT = 12;

/**
 * Where the per-concentration means first cross `level` going up the (positive) concentrations,
 * interpolated linearly in log10 x; NaN when they never do.
 */
function midpointCrossing(summary: ConcentrationSummary, level: number): number {
  const { concentrations_nM: x, meanPct: m } = summary;
  let previous = -1;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i]! > 0)) continue;
    if (previous >= 0) {
      const a = m[previous]! - level;
      const b = m[i]! - level;
      if (a === 0) return Math.log10(x[previous]!);
      if ((a < 0 && b >= 0) || (a > 0 && b <= 0)) {
        const la = Math.log10(x[previous]!);
        const lb = Math.log10(x[i]!);
        return la + (a / (a - b)) * (lb - la);
      }
    }
    previous = i;
  }
  return Number.NaN;
}

/**
 * The starting grid as 12 consecutive (bottom, top, lx, hill) quadruples.
 * @example fourPLStartingPoints(summary).subarray(0, 4) // [min mean, max mean, crossing, 0.7]
 */
export function fourPLStartingPoints(
  summary: ConcentrationSummary,
  fixed: { top?: number | undefined; bottom?: number | undefined } = {},
): Float64Array {
  const { meanPct, concentrations_nM: conc } = summary;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < meanPct.length; i++) {
    low = Math.min(low, meanPct[i]!);
    high = Math.max(high, meanPct[i]!);
  }
  const bottom0 = fixed.bottom ?? low;
  const top0 = fixed.top ?? high;
  // Concentrations are ascending, so the log-x range runs from the first positive one to the last.
  let first = 0;
  while (first < conc.length && !(conc[first]! > 0)) first++;
  const lo = Math.log10(conc[first]!);
  const range = Math.log10(conc[conc.length - 1]!) - lo;
  const crossing = midpointCrossing(summary, 0.5 * (low + high));
  const starts = new Float64Array(START_COUNT * 4);
  let k = 0;
  for (let j = 0; j < 4; j++) {
    const lx = j === 0 ? (Number.isFinite(crossing) ? crossing : lo + 0.5 * range) : lo + 0.25 * j * range;
    for (let h = 0; h < START_HILLS.length; h++) {
      starts[k++] = bottom0;
      starts[k++] = top0;
      starts[k++] = lx;
      starts[k++] = START_HILLS[h]!;
    }
  }
  return starts;
}
