import { csvDocument } from "../../csv.js";
import type { CurveRow, PooledCurveRow } from "./fitCurves.js";

const COLUMNS = [
  "plate",
  "compound",
  "class",
  "ic50_nM",
  "ic50Qualifier",
  "ci95_lo_nM",
  "ci95_hi_nM",
  "log10Ic50",
  "seLog10Ic50",
  "hill",
  "top",
  "bottom",
  "r2",
  "nPoints",
  "absIc50_nM",
  "outlierWells",
] as const;

/** The IC50 table as CSV (RFC 4180), full precision, one row per curve; pooled curves have plate "pooled". */
export function curvesToCsv(curves: readonly CurveRow[], pooled: readonly PooledCurveRow[] = []): string {
  const rows = [...curves, ...pooled.map((p) => ({ ...p, plate: "pooled" }))].map((c) => [
    c.plate,
    c.compound,
    c.class,
    c.ic50_nM,
    c.ic50Qualifier,
    c.ci95_nM?.[0],
    c.ci95_nM?.[1],
    c.log10Ic50,
    c.seLog10Ic50,
    c.hill,
    c.top,
    c.bottom,
    c.r2,
    c.nPoints,
    c.absIc50_nM,
    c.outlierWells.join(" "),
  ]);
  return csvDocument(COLUMNS, rows);
}
