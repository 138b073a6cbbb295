import type { WellResult } from "../../core/assays/ic50/plates.js";
import { csvCell } from "./formatLayoutGrid.js";

/** A number as CSV text: shortest round-trip form, empty for `NaN`. */
function num(x: number): string {
  return Number.isNaN(x) ? "" : String(x);
}

/**
 * Writes well rates as CSV with the columns of the example plate's `rates.csv`:
 * `plate,well,role,compound,conc_nM,rate_rfu_per_min,n_reads_used` (undefined values empty).
 * @example formatRatesCsv(analysis.wells)
 */
export function formatRatesCsv(wells: readonly WellResult[]): string {
  const lines = ["plate,well,role,compound,conc_nM,rate_rfu_per_min,n_reads_used"];
  for (const w of wells) {
    lines.push(
      `${csvCell(w.plate)},${w.well},${w.role},${csvCell(w.compound)},${num(w.conc_nM)},${num(w.rateRfuPerMin)},${w.nReadsUsed}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
