import type { PlateLayout } from "../../core/assays/ic50/plates.js";
import { DelimitedCursor } from "../csv/DelimitedCursor.js";
import { decodeText } from "../csv/decodeText.js";
import { detectDelimiter } from "../csv/detectDelimiter.js";
import { parseLayoutCsv } from "./parseLayoutCsv.js";
import { parseLayoutGrid } from "./parseLayoutGrid.js";

/**
 * Parses a plate layout in either form: a plate-map grid ({@link parseLayoutGrid}) when the first
 * non-blank line is a block line `plate,<id>,field,…`, else the long CSV ({@link parseLayoutCsv}).
 * @throws FormatError from the chosen parser
 * @example parsePlateLayout(bytes, "layout.csv").wells.length
 */
export function parsePlateLayout(input: string | Uint8Array, source = "<memory>"): PlateLayout {
  const text = decodeText(input, source);
  const cursor = new DelimitedCursor(text, source);
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(",")) continue;
    cursor.split(detectDelimiter(cursor.lineText()));
    const grid = cursor.field(0).toLowerCase() === "plate" && cursor.field(2).toLowerCase() === "field";
    return grid ? parseLayoutGrid(text, source) : parseLayoutCsv(text, source);
  }
  return parseLayoutCsv(text, source);
}
