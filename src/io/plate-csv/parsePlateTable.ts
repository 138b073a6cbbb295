import type { PlateInfo, PlateTable } from "../../core/assays/ic50/plates.js";
import { FormatError } from "../../core/errors.js";
import { at, readTableHeader, shown, tooFewFields } from "./tableHeader.js";

/** The required columns of the plate table. */
export const PLATE_TABLE_COLUMNS = ["plate", "detector_max"] as const;

/**
 * Parses the plate table: header `plate,detector_max` plus any other columns (e.g. `min_control`,
 * `reader_gain`), kept per plate as text under their header names. `detector_max` is the reader's
 * saturation level in RFU (> 0), e.g. 65535 or 260000.
 * @throws FormatError naming file, line and column: missing columns, an empty plate id, a
 *   `detector_max` that is not a number > 0, a plate listed twice, no plates
 * @example parsePlateTable("plate,detector_max\nPA01,65535\n", "plates.csv").plates[0].detectorMax // 65535
 */
export function parsePlateTable(input: string | Uint8Array, source = "<memory>"): PlateTable {
  const header = readTableHeader(input, source, PLATE_TABLE_COLUMNS);
  const { cursor, delimiter, names } = header;
  const pi = header.index.plate!;
  const di = header.index.detector_max!;
  const extraColumns = names.flatMap((name, i) => (i === pi || i === di || name === "" ? [] : [{ name, i }]));
  const plates: PlateInfo[] = [];
  const lineOf = new Map<string, number>();
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) continue;
    cursor.split(delimiter);
    const line = cursor.line;
    if (cursor.count < Math.max(pi, di) + 1) throw tooFewFields(source, line, names.length, cursor.count);
    const plate = cursor.field(pi);
    if (plate === "") throw new FormatError(source, at(line, pi, "plate"), "a plate id", "an empty field");
    const detectorMax = cursor.number(di);
    if (!(detectorMax > 0)) {
      throw new FormatError(
        source,
        at(line, di, "detector_max"),
        "the reader's saturation level in RFU, a number > 0",
        shown(cursor.field(di)),
      );
    }
    const first = lineOf.get(plate);
    if (first !== undefined) {
      throw new FormatError(
        source,
        at(line, pi, "plate"),
        "each plate once",
        `plate ${plate} again (first on line ${first})`,
      );
    }
    lineOf.set(plate, line);
    const extra: Record<string, string> = {};
    for (const { name, i } of extraColumns) extra[name] = cursor.field(i);
    plates.push({ plate, detectorMax, extra, line });
  }
  if (plates.length === 0)
    throw new FormatError(source, `line ${header.line + 1}`, "plates below the header", "none");
  return { source, plates };
}
