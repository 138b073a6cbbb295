/**
 * Per-concentration summary of a curve and the data-driven classes of DEFINITIONS.md §7:
 * `insufficient_data` (< 5 points or < 4 distinct concentrations) and `inactive` (the largest mean
 * inhibition over concentrations is < 30 %). `active` and `fit_failed` depend on the fit itself.
 */

/** The class thresholds of DEFINITIONS.md §7. */
export const CLASS_RULES = {
  /** Fewer points than this is `insufficient_data`. */
  minPoints: 5,
  /** Fewer distinct concentrations (x = 0 counts as one) than this is `insufficient_data`. */
  minConcentrations: 4,
  /** A largest mean inhibition (100 − % activity) below this, in %, is `inactive`. */
  minInhibitionPct: 30,
} as const;

/** Points of a curve grouped by concentration, ascending. */
export interface ConcentrationSummary {
  /** Distinct concentrations in nM, ascending (0 first when present). */
  concentrations_nM: Float64Array;
  /** Mean % activity at each concentration. */
  meanPct: Float64Array;
  nPoints: number;
  nConcentrations: number;
  minConc_nM: number;
  maxConc_nM: number;
  /** max over concentrations of (100 − mean % activity), in %. */
  maxInhibitionPct: number;
}

/**
 * Groups the points (those whose index is in `keep`, or all) by concentration and averages them.
 * @example summarizeConcentrations(Float64Array.of(1, 1, 10), Float64Array.of(90, 80, 20)).meanPct // [85, 20]
 */
export function summarizeConcentrations(
  conc_nM: Float64Array,
  pct: Float64Array,
  keep?: ArrayLike<number>,
): ConcentrationSummary {
  const n = keep ? keep.length : conc_nM.length;
  // Insertion sort of the point indices by concentration: n is a plate curve's handful of points, and
  // this runs once per fit, so it must not allocate more than the result.
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const index = keep ? keep[k]! : k;
    const x = conc_nM[index]!;
    let j = k - 1;
    while (j >= 0 && conc_nM[order[j]!]! > x) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = index;
  }
  const concentrations = new Float64Array(n);
  const means = new Float64Array(n);
  let groups = 0;
  let k = 0;
  while (k < n) {
    const x = conc_nM[order[k]!]!;
    let sum = 0;
    let count = 0;
    while (k < n && conc_nM[order[k]!] === x) {
      sum += pct[order[k]!]!;
      count++;
      k++;
    }
    concentrations[groups] = x;
    means[groups] = sum / count;
    groups++;
  }
  let maxInhibitionPct = Number.NEGATIVE_INFINITY;
  for (let g = 0; g < groups; g++) maxInhibitionPct = Math.max(maxInhibitionPct, 100 - means[g]!);
  return {
    concentrations_nM: concentrations.subarray(0, groups),
    meanPct: means.subarray(0, groups),
    nPoints: n,
    nConcentrations: groups,
    minConc_nM: groups > 0 ? concentrations[0]! : Number.NaN,
    maxConc_nM: groups > 0 ? concentrations[groups - 1]! : Number.NaN,
    maxInhibitionPct,
  };
}

/**
 * The class the data alone decide (DEFINITIONS.md §7), or null when the fit decides between `active`
 * and `fit_failed`.
 * @example classifyByData(summary) // "inactive" when no concentration reaches 30 % mean inhibition
 */
export function classifyByData(summary: ConcentrationSummary): "insufficient_data" | "inactive" | null {
  if (summary.nPoints < CLASS_RULES.minPoints || summary.nConcentrations < CLASS_RULES.minConcentrations) {
    return "insufficient_data";
  }
  if (summary.maxInhibitionPct < CLASS_RULES.minInhibitionPct) return "inactive";
  return null;
}
