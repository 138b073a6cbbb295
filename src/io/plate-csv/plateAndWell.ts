import { formatWellId, parseWellId, type WellPosition } from "../../core/assays/ic50/plates.js";
import { FormatError } from "../../core/errors.js";
import type { DelimitedCursor } from "../csv/DelimitedCursor.js";
import { WELL_ID_EXPECTED } from "./parseKineticsLong.js";
import { at, shown } from "./tableHeader.js";

/**
 * The plate id and the normalised well id (`A01` → `A1`) of the current row of a plate table.
 * @throws FormatError naming the file, line and column of an empty plate id or a bad well id.
 */
export function readPlateAndWell(
  cursor: DelimitedCursor,
  source: string,
  plateField: number,
  wellField: number,
): { plate: string; well: string; position: WellPosition } {
  const line = cursor.line;
  const plate = cursor.field(plateField);
  if (plate === "")
    throw new FormatError(source, at(line, plateField, "plate"), "a plate id", "an empty field");
  const wellText = cursor.field(wellField);
  const position = parseWellId(wellText);
  if (!position)
    throw new FormatError(source, at(line, wellField, "well"), WELL_ID_EXPECTED, shown(wellText));
  return { plate, well: formatWellId(position.row, position.column), position };
}
