/** One run's IC50 of a compound: where it came from and the value (qualified values are not measured ones). */
export interface PotencyPoint {
  analysisId: string;
  createdAt: string;
  ic50_nM: number;
  ci95_nM: [number, number] | null;
  /** "<" or ">" when the curve only bounds the IC50 (outside the tested range). */
  qualifier: string | null;
}

/** A potency control chart: the runs, their geometric mean and the ±3 SD limits in log10 units. */
export interface PotencyTrend {
  points: (PotencyPoint & { outOfLimits: boolean })[];
  /** Runs with an unqualified IC50: the ones the statistics use. */
  n: number;
  geometricMean_nM: number | null;
  /** SD of log10 IC50 (n − 1). */
  log10Sd: number | null;
  lower_nM: number | null;
  upper_nM: number | null;
}

/**
 * A Shewhart chart of a reference compound's IC50 across assay runs, in log10 units where potencies are
 * normally distributed (Iversen et al., Assay Guidance Manual, "HTS Assay Validation", 2012): centre line at
 * the geometric mean, limits at mean ± 3 SD of log10 IC50. Qualified IC50s (">", "<") are plotted but left
 * out of the statistics; limits need at least 3 measured runs.
 * @example potencyTrend([2, 4, 8].map(…)).geometricMean_nM // 4
 */
export function potencyTrend(points: readonly PotencyPoint[]): PotencyTrend {
  const logs = points.filter((p) => p.qualifier === null && p.ic50_nM > 0).map((p) => Math.log10(p.ic50_nM));
  const n = logs.length;
  const mean = n > 0 ? logs.reduce((s, v) => s + v, 0) / n : null;
  const sd =
    n >= 3 && mean !== null ? Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
  const lower = mean !== null && sd !== null ? 10 ** (mean - 3 * sd) : null;
  const upper = mean !== null && sd !== null ? 10 ** (mean + 3 * sd) : null;
  return {
    points: points.map((p) => ({
      ...p,
      outOfLimits:
        lower !== null && upper !== null && p.qualifier === null && (p.ic50_nM < lower || p.ic50_nM > upper),
    })),
    n,
    geometricMean_nM: mean === null ? null : 10 ** mean,
    log10Sd: sd,
    lower_nM: lower,
    upper_nM: upper,
  };
}
