import type { PlateFormat, PlateLayout } from "../../core/assays/ic50/plates.js";
import { PLATE_FORMATS, rowLetters } from "../../core/assays/ic50/plates.js";
import { GRID_FIELDS } from "./parseLayoutGrid.js";

/**
 * Writes a layout as a plate-map grid ({@link parseLayoutGrid}): per plate a `role`, a `compound` and a
 * `conc_nM` grid in the plate's format. Concentrations are written in JavaScript's shortest round-trip
 * form, so parsing the grid gives the same numbers back.
 * @example formatLayoutGrid(parseLayoutCsv(text, "layout.csv"))
 */
export function formatLayoutGrid(layout: PlateLayout): string {
  const out: string[] = [];
  for (const plate of layout.plates) {
    const { rows, columns } = PLATE_FORMATS[plate.format as PlateFormat];
    const cells: Record<string, string[]> = {
      role: new Array(rows * columns).fill(""),
      compound: new Array(rows * columns).fill(""),
      conc_nM: new Array(rows * columns).fill(""),
    };
    for (const w of layout.wells) {
      if (w.plate !== plate.plate) continue;
      const i = w.row * columns + w.column;
      cells.role![i] = w.role;
      cells.compound![i] = csvCell(w.compound);
      cells.conc_nM![i] = Number.isNaN(w.conc_nM) ? "" : String(w.conc_nM);
    }
    for (const field of GRID_FIELDS) {
      out.push(`plate,${csvCell(plate.plate)},field,${field}`);
      out.push(`,${Array.from({ length: columns }, (_, c) => c + 1).join(",")}`);
      for (let r = 0; r < rows; r++) {
        out.push(`${rowLetters(r)},${cells[field]!.slice(r * columns, (r + 1) * columns).join(",")}`);
      }
      out.push("");
    }
  }
  return out.join("\n");
}

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
