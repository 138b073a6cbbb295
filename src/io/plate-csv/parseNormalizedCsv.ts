import type { NormalizedPoint } from "../../core/assays/ic50/plates.js";
import { FormatError } from "../../core/errors.js";
import { readPlateAndWell } from "./plateAndWell.js";
import { at, readTableHeader, shown, tooFewFields } from "./tableHeader.js";

/** The columns of the normalised-data CSV (`ic50 fit --data`). */
export const NORMALIZED_COLUMNS = ["plate", "well", "compound", "conc_nM", "pct_activity"] as const;

/**
 * Parses normalised dose-response data: header `plate,well,compound,conc_nM,pct_activity` (any order and
 * case, extra columns ignored), one sample well per line. `conc_nM` ≥ 0 (0 is the x → 0 limit of the
 * 4PL model); `pct_activity` any finite number. One curve per plate and compound.
 * @throws FormatError naming file, line and column: missing columns, an empty plate id or compound, a
 *   bad well, a negative or non-numeric concentration, a non-numeric % activity, a well listed twice
 * @example parseNormalizedCsv(text, "normalized.csv")[0].pctActivity
 */
export function parseNormalizedCsv(input: string | Uint8Array, source = "<memory>"): NormalizedPoint[] {
  const header = readTableHeader(input, source, NORMALIZED_COLUMNS);
  const { cursor, delimiter, index } = header;
  const [pi, wi, ci, ki, ai] = NORMALIZED_COLUMNS.map((c) => index[c]!) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const needed = Math.max(pi, wi, ci, ki, ai) + 1;
  const points: NormalizedPoint[] = [];
  const lineOf = new Map<string, number>();
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) continue;
    cursor.split(delimiter);
    const line = cursor.line;
    if (cursor.count < needed) throw tooFewFields(source, line, header.names.length, cursor.count);
    const { plate, well } = readPlateAndWell(cursor, source, pi, wi);
    const compound = cursor.field(ci);
    if (compound === "")
      throw new FormatError(source, at(line, ci, "compound"), "a compound name", "an empty field");
    const conc = cursor.number(ki);
    if (!(conc >= 0)) {
      throw new FormatError(
        source,
        at(line, ki, "conc_nM"),
        "a concentration in nM ≥ 0",
        shown(cursor.field(ki)),
      );
    }
    const pct = cursor.number(ai);
    if (Number.isNaN(pct)) {
      throw new FormatError(source, at(line, ai, "pct_activity"), "a number", shown(cursor.field(ai)));
    }
    const key = `${plate}\u0000${well}`;
    const first = lineOf.get(key);
    if (first !== undefined) {
      throw new FormatError(
        source,
        at(line, wi, "well"),
        "each plate and well once",
        `a second row for plate ${plate} well ${well} (the first is on line ${first})`,
      );
    }
    lineOf.set(key, line);
    points.push({ plate, well, compound, conc_nM: conc, pctActivity: pct });
  }
  if (points.length === 0)
    throw new FormatError(source, `line ${header.line + 1}`, "rows below the header", "none");
  return points;
}
