import type { NormalizedPoint } from "../../core/assays/ic50/plates.js";
import { csvCell } from "./formatLayoutGrid.js";

/** A number as CSV text: shortest round-trip form, empty for `NaN`. */
function num(x: number): string {
  return Number.isNaN(x) ? "" : String(x);
}

/**
 * Writes normalised points as the CSV `ic50 fit --data` reads ({@link parseNormalizedCsv}):
 * `plate,well,compound,conc_nM,pct_activity`.
 * @example formatNormalizedCsv(toNormalizedPoints(analysis.wells))
 */
export function formatNormalizedCsv(points: readonly NormalizedPoint[]): string {
  const lines = ["plate,well,compound,conc_nM,pct_activity"];
  for (const p of points) {
    lines.push(
      `${csvCell(p.plate)},${p.well},${csvCell(p.compound)},${num(p.conc_nM)},${num(p.pctActivity)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
