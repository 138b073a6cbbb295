/**
 * The results of the `ic50.run` and `ic50.fit` kinds as the API returns them (numbers may be null where
 * a value is undefined, e.g. no fit), and a guard that recognises them.
 */

export type CurveClass = "active" | "inactive" | "insufficient_data" | "fit_failed";

/** The kinds whose results {@link Ic50ResultView} shows. */
export const IC50_KINDS: readonly string[] = ["ic50.run", "ic50.fit"];

/** Quality control of one plate (ic50.run). */
export interface PlateQc {
  plate: string;
  zPrime: number | null;
  meanMax: number | null;
  meanMin: number | null;
  sdMax: number | null;
  sdMin: number | null;
  cvMaxPct: number | null;
  cvMinPct: number | null;
  meanBlank: number | null;
  nMax: number | null;
  nMin: number | null;
  signalWindow: number | null;
  nWellsRateUndefined: number | null;
  wellCount: number | null;
  flags: string[];
  /** Why the plate could not be analysed; the other plates still are. */
  error: string | null;
}

/** The fitted-curve fields shared by per-plate and pooled curves. */
export interface CurveFields {
  compound: string;
  class: CurveClass | string;
  ic50_nM: number | null;
  ic50Qualifier: "=" | ">" | null;
  ci95_nM: [number, number] | null;
  log10Ic50: number | null;
  seLog10Ic50: number | null;
  hill: number | null;
  top: number | null;
  bottom: number | null;
  r2: number | null;
  nPoints: number | null;
  absIc50_nM: number | null;
  ci95Log10Profile: [number | null, number | null] | null;
  /** Wells flagged as outliers by ROUT (kept, never dropped silently). */
  outlierWells: string[];
  warnings: string[];
}

/** One compound on one plate. */
export interface Ic50Curve extends CurveFields {
  plate: string;
}

/** One compound over all plates. */
export interface PooledCurve extends CurveFields {
  plates: string[];
}

export interface Ic50Well {
  plate: string;
  well: string;
  role: string;
  compound: string | null;
  conc_nM: number | null;
  rate: number | null;
  nReadsUsed: number | null;
  pctActivity: number | null;
}

export interface Ic50Point {
  plate: string;
  well: string;
  compound: string;
  conc_nM: number | null;
  pctActivity: number | null;
}

/** Either kind's result: `plates` and `wells` come with ic50.run, `points` with ic50.fit. */
export interface Ic50Result {
  plates?: PlateQc[];
  curves: Ic50Curve[];
  pooled: PooledCurve[];
  wells?: Ic50Well[];
  points?: Ic50Point[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayOrEmpty<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter(isRecord) as T[]) : [];
}

/** Curves as given, with list fields that may be missing from older results filled in. */
function normaliseCurve<T extends CurveFields>(curve: T): T {
  return {
    ...curve,
    outlierWells: Array.isArray(curve.outlierWells) ? curve.outlierWells : [],
    warnings: Array.isArray(curve.warnings) ? curve.warnings : [],
  };
}

/** The result of an IC50 kind, or null when `result` does not have the shape (then show it generically). */
export function ic50ResultOf(kind: string, result: unknown): Ic50Result | null {
  if (!IC50_KINDS.includes(kind) || !isRecord(result) || !Array.isArray(result.curves)) return null;
  return {
    plates: Array.isArray(result.plates)
      ? arrayOrEmpty<PlateQc>(result.plates).map((p) => ({
          ...p,
          flags: Array.isArray(p.flags) ? p.flags : [],
        }))
      : undefined,
    curves: arrayOrEmpty<Ic50Curve>(result.curves).map(normaliseCurve),
    pooled: arrayOrEmpty<PooledCurve>(result.pooled).map((p) => ({
      ...normaliseCurve(p),
      plates: Array.isArray(p.plates) ? p.plates : [],
    })),
    wells: Array.isArray(result.wells) ? arrayOrEmpty<Ic50Well>(result.wells) : undefined,
    points: Array.isArray(result.points) ? arrayOrEmpty<Ic50Point>(result.points) : undefined,
  };
}

/** A per-plate or pooled curve under one name: `plate` is "pooled" for pooled curves, as the plot URL wants. */
export interface CurveEntry {
  key: string;
  plate: string;
  pooled: boolean;
  /** The plates a pooled curve draws on. */
  plates: string[];
  curve: CurveFields;
}

/** The plate name the API uses for pooled curves. */
export const POOLED = "pooled";

/** Per-plate curves in result order, then pooled ones. */
export function curveEntries(result: Pick<Ic50Result, "curves" | "pooled">): CurveEntry[] {
  return [
    ...result.curves.map((curve) => ({
      key: `${curve.plate}|${curve.compound}`,
      plate: curve.plate,
      pooled: false,
      plates: [curve.plate],
      curve,
    })),
    ...result.pooled.map((curve) => ({
      key: `${POOLED}|${curve.compound}`,
      plate: POOLED,
      pooled: true,
      plates: curve.plates,
      curve,
    })),
  ];
}
