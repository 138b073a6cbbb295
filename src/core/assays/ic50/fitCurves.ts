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

/**
 * Fits one curve per (plate, compound) and one pooled curve per compound across plates, in the order
 * compounds first appear. Every replicate is its own point (DEFINITIONS §3).
 */
export function fitCurves(
  points: readonly CurvePoint[],
  options: CurveFitOptions = {},
  onCurve?: (done: number, total: number) => void,
): { curves: CurveRow[]; pooled: PooledCurveRow[] } {
  const perPlate = groupBy(points, (p) => `${p.plate}\u0000${p.compound}`);
  const perCompound = groupBy(points, (p) => p.compound);
  const total = perPlate.size + perCompound.size;
  let done = 0;
  const curves: CurveRow[] = [];
  for (const group of perPlate.values()) {
    const first = group[0] as CurvePoint;
    curves.push({ plate: first.plate, ...fitGroup(group, options) });
    onCurve?.(++done, total);
  }
  const pooled: PooledCurveRow[] = [];
  for (const group of perCompound.values()) {
    const plates = [...new Set(group.map((p) => p.plate))];
    // A compound on one plate has no pooled curve distinct from its plate curve.
    if (plates.length > 1) pooled.push({ plates, ...fitGroup(group, options) });
    onCurve?.(++done, total);
  }
  return { curves, pooled };
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
