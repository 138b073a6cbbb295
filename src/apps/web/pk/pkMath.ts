/** Small numeric helpers for the PK views. Pure functions: no React here. */

/** The p-th percentile (0–100) of the values, linear between order statistics (R type 7); NaN if empty. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

export interface WindowPercentiles {
  window: [number, number];
  values: number[];
}

/** Percentiles of each subject's AUC, per AUC window. */
export function aucPercentiles(
  windows: readonly [number, number][],
  subjects: readonly { auc_ng_h_mL: readonly number[] }[],
  levels: readonly number[],
): WindowPercentiles[] {
  return windows.map((window, index) => {
    const aucs = subjects.map((s) => s.auc_ng_h_mL[index] ?? Number.NaN);
    return { window, values: levels.map((level) => percentile(aucs, level)) };
  });
}

/** Min and max of `values` at times in [from, to]; undefined when no time falls there. */
export function rangeBetween(
  times: readonly number[],
  values: readonly number[],
  from: number,
  to = Number.POSITIVE_INFINITY,
): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  times.forEach((t, i) => {
    const v = values[i];
    if (t < from || t > to || v === undefined || !Number.isFinite(v)) return;
    if (v < min) min = v;
    if (v > max) max = v;
  });
  return min <= max ? { min, max } : undefined;
}

/** The population AUC windows the PK page asks for: the first week and the first week of the last cycle. */
export function defaultAucWindows(cycles: number, cycleDays: number): [number, number][] {
  const end = cycles * cycleDays * 24;
  const lastCycle = end - cycleDays * 24;
  return [
    [0, 168],
    [lastCycle, lastCycle + 168],
  ];
}

/** Start of the last cycle in hours, from a regimen's parameters (cycles 6 × 28 days when not given). */
export function lastCycleStartH(parameters: unknown): number {
  const p =
    typeof parameters === "object" && parameters !== null ? (parameters as Record<string, unknown>) : {};
  const cycles = typeof p.cycles === "number" ? p.cycles : 6;
  const cycleDays = typeof p.cycleDays === "number" ? p.cycleDays : 28;
  return (cycles - 1) * cycleDays * 24;
}
