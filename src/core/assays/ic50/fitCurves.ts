import type { CurveFit, CurveFitOptions } from "./fitCurve.js";
import { fitCurve } from "./fitCurve.js";
import type { NormalizedPoint } from "./normalizedPoint.js";

type CurvePoint = NormalizedPoint;

/** A fitted curve in the CLI contract's shape, with the wells behind it. */
export interface CurveRow {
  plate: string;
  compound: string;
  class: CurveFit["class"];
  ic50_nM: number | null;
  ic50Qualifier: CurveFit["ic50Qualifier"];
  ci95_nM: [number, number] | null;
  log10Ic50: number | null;
  seLog10Ic50: number | null;
  hill: number | null;
  top: number | null;
  bottom: number | null;
  r2: number | null;
  nPoints: number;
  absIc50_nM: number | null;
  ci95Log10Profile: [number | null, number | null] | null;
  /** Wells flagged as outliers (ROUT), never dropped silently. */
  outlierWells: string[];
  warnings: string[];
}

/** A pooled curve: all plates' points of one compound; the same fields without `plate`. */
export type PooledCurveRow = Omit<CurveRow, "plate"> & { plates: string[] };

/** The points of one curve: a compound on one plate, or (plate null) pooled across plates. */
export interface CurveGroup {
  plate: string | null;
  points: CurvePoint[];
}

/**
 * The curves to fit: one per (plate, compound) in order of first appearance, then one pooled curve per
 * compound tested on more than one plate. Every replicate is its own point (DEFINITIONS §3).
 */
export function groupCurves(points: readonly CurvePoint[]): CurveGroup[] {
  const groups: CurveGroup[] = [];
  for (const group of groupBy(points, (p) => `${p.plate}\u0000${p.compound}`).values()) {
    groups.push({ plate: (group[0] as CurvePoint).plate, points: group });
  }
  for (const group of groupBy(points, (p) => p.compound).values()) {
    // A compound on one plate has no pooled curve distinct from its plate curve.
    if (new Set(group.map((p) => p.plate)).size > 1) groups.push({ plate: null, points: group });
  }
  return groups;
}

/** Fits one group; pooled groups list their plates. */
export function fitCurveGroup(group: CurveGroup, options: CurveFitOptions = {}): CurveRow | PooledCurveRow {
  const row = fitGroup(group.points, options);
  return group.plate === null
    ? { plates: [...new Set(group.points.map((p) => p.plate))], ...row }
    : { plate: group.plate, ...row };
}

/** Splits fitted rows back into plate curves and pooled curves. */
export function splitCurveRows(rows: readonly (CurveRow | PooledCurveRow)[]): {
  curves: CurveRow[];
  pooled: PooledCurveRow[];
} {
  const curves: CurveRow[] = [];
  const pooled: PooledCurveRow[] = [];
  for (const row of rows) {
    if ("plates" in row) pooled.push(row);
    else curves.push(row);
  }
  return { curves, pooled };
}

/** Fits groups in this thread, in order, reporting each finished curve. */
export function fitCurveGroups(
  groups: readonly CurveGroup[],
  options: CurveFitOptions = {},
  onCurve?: (done: number, total: number) => void,
): (CurveRow | PooledCurveRow)[] {
  return groups.map((group, i) => {
    const row = fitCurveGroup(group, options);
    onCurve?.(i + 1, groups.length);
    return row;
  });
}

/** Fits every curve of {@link groupCurves} in this thread. */
export function fitCurves(
  points: readonly CurvePoint[],
  options: CurveFitOptions = {},
  onCurve?: (done: number, total: number) => void,
): { curves: CurveRow[]; pooled: PooledCurveRow[] } {
  return splitCurveRows(fitCurveGroups(groupCurves(points), options, onCurve));
}

function fitGroup(group: readonly CurvePoint[], options: CurveFitOptions): Omit<CurveRow, "plate"> {
  const conc = Float64Array.from(group, (p) => p.conc_nM);
  const pct = Float64Array.from(group, (p) => p.pctActivity);
  const fit = fitCurve(conc, pct, options);
  return {
    compound: (group[0] as CurvePoint).compound,
    class: fit.class,
    ic50_nM: fit.ic50_nM,
    ic50Qualifier: fit.ic50Qualifier,
    ci95_nM: fit.ci95_nM,
    log10Ic50: fit.log10Ic50,
    seLog10Ic50: fit.seLog10Ic50,
    hill: fit.hill,
    top: fit.top,
    bottom: fit.bottom,
    r2: fit.r2,
    nPoints: fit.nPoints,
    absIc50_nM: fit.absIc50_nM,
    ci95Log10Profile: fit.ci95Log10Profile,
    outlierWells: fit.outlierIndices.map((i) => `${group[i]?.plate}:${group[i]?.well}`),
    warnings: fit.warnings,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
