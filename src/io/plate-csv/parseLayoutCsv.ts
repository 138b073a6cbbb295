import type { LayoutPlate, LayoutWell, PlateLayout } from "../../core/assays/ic50/plates.js";
import { plateFormatFor } from "../../core/assays/ic50/plates.js";
import { FormatError } from "../../core/errors.js";
import { checkConcentration, checkRole } from "./layoutWellFields.js";
import { readPlateAndWell } from "./plateAndWell.js";
import { at, readTableHeader, tooFewFields } from "./tableHeader.js";

/** The columns of the long layout CSV. */
export const LAYOUT_COLUMNS = ["plate", "well", "role", "compound", "conc_nM"] as const;

/**
 * Parses the long layout CSV: header `plate,well,role,compound,conc_nM` (any order and case, extra
 * columns ignored), one used well per line. `role` is `sample`, `max`, `min` or `blank`
 * (case-insensitive); a sample needs a compound and a concentration > 0 nM; controls may leave both
 * empty (a concentration, if given, must be ≥ 0). Wells not listed are unused. Each plate's format is
 * the smallest that holds its wells.
 * @throws FormatError naming file, line and column: missing columns, a bad plate id or well, an unknown
 *   role, a sample without compound or with a concentration ≤ 0, a well listed twice, no wells
 * @example parseLayoutCsv("plate,well,role,compound,conc_nM\nP1,A1,max,DMSO,\n", "layout.csv").wells[0].role // "max"
 */
export function parseLayoutCsv(input: string | Uint8Array, source = "<memory>"): PlateLayout {
  const header = readTableHeader(input, source, LAYOUT_COLUMNS);
  const { cursor, delimiter, index } = header;
  const [pi, wi, ri, ci, ki] = LAYOUT_COLUMNS.map((c) => index[c]!) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const needed = Math.max(pi, wi, ri, ci, ki) + 1;
  const wells: LayoutWell[] = [];
  const lineOf = new Map<string, number>();
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) continue;
    cursor.split(delimiter);
    const line = cursor.line;
    if (cursor.count < needed) throw tooFewFields(source, line, header.names.length, cursor.count);
    const { plate, well, position } = readPlateAndWell(cursor, source, pi, wi);
    const role = checkRole(cursor.field(ri), source, at(line, ri, "role"));
    const compound = cursor.field(ci);
    const conc = checkConcentration(
      role,
      compound,
      cursor.field(ki),
      source,
      at(line, ci, "compound"),
      at(line, ki, "conc_nM"),
    );
    const key = `${plate}\u0000${well}`;
    const first = lineOf.get(key);
    if (first !== undefined) {
      throw new FormatError(
        source,
        at(line, wi, "well"),
        "each plate and well once",
        `a second entry for plate ${plate} well ${well} (the first is on line ${first})`,
      );
    }
    lineOf.set(key, line);
    wells.push({ plate, well, ...position, role, compound, conc_nM: conc, line, field: wi + 1 });
  }
  if (wells.length === 0)
    throw new FormatError(source, `line ${header.line + 1}`, "wells below the header", "none");
  return { source, plates: inferLayoutPlates(wells), wells };
}

/** Each plate of a layout, in order of first appearance, with the smallest format holding its wells. */
export function inferLayoutPlates(wells: readonly LayoutWell[]): LayoutPlate[] {
  const extent = new Map<string, { row: number; column: number }>();
  for (const w of wells) {
    const e = extent.get(w.plate);
    if (!e) extent.set(w.plate, { row: w.row, column: w.column });
    else {
      e.row = Math.max(e.row, w.row);
      e.column = Math.max(e.column, w.column);
    }
  }
  return [...extent].map(([plate, e]) => ({
    plate,
    format: plateFormatFor(e.row, e.column),
    formatDeclared: false,
  }));
}
