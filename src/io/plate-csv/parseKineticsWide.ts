import type { KineticReads } from "../../core/assays/ic50/plates.js";
import { parseWellId } from "../../core/assays/ic50/plates.js";
import { FormatError, InputError } from "../../core/errors.js";
import { DelimitedCursor } from "../csv/DelimitedCursor.js";
import { decodeText } from "../csv/decodeText.js";
import { detectDelimiter } from "../csv/detectDelimiter.js";
import { KineticReadsBuilder } from "./KineticReadsBuilder.js";
import { isOverRangeMarker, OverRangeTally } from "./overRange.js";
import { parseTimeS, timeUnitSeconds } from "./parseTimeS.js";
import { at, shown } from "./tableHeader.js";

/** Options of {@link parseKineticsWide}. */
export interface WideKineticsOptions {
  /**
   * The plate id of the file's reads (`--plate`).
   * @default the file name without directory and extension (`PA01.csv` → `PA01`)
   */
  plate?: string;
}

/** Headers of the time column: `Time`, `Time [s]`, `Time (min)`, `Kinetic read`, … */
export const WIDE_TIME_COLUMN = /^(time|kinetic read)\b/i;

/** Headers of columns a wide export may have besides time and wells, which are skipped. */
export const WIDE_IGNORED_COLUMN = /^(temp|t°|t\s*[[(]\s*°|°c|cycle|read\b|index\b|#)/i;

/**
 * Parses the wide kinetic export of a plate reader: one plate per file, one row per read, a column per
 * well. Accepted:
 * - any preamble (instrument, protocol lines) before the header row, which is the first row with a time
 *   column ({@link WIDE_TIME_COLUMN}) and at least one well column (`A1`, `A01`, … `AF48`);
 * - time as `h:mm:ss`/`hh:mm:ss`, `mm:ss`, words (`5 min 30 s`) or plain numbers in the unit of the
 *   header (`Time [s]`, `Time [min]`; plain `Time` means seconds), see {@link parseTimeS};
 * - temperature, cycle-number and blank-header columns ({@link WIDE_IGNORED_COLUMN}), which are skipped;
 * - comma, tab or semicolon delimiters; UTF-8 or UTF-16 with BOM;
 * - empty cells (the well was not read at that time; a warning when its column has other reads) and
 *   over-range markers such as `OVER` (read as saturated);
 * - `#` comment lines; the table ends at a blank line, a `~End` line or the end of the file; later
 *   lines (trailers) are ignored, with a warning if another table follows (one plate per file).
 * The plate id comes from `options.plate` or the file name.
 * @param input the file's bytes or text
 * @param source the file name, used in messages and for the default plate id
 * @throws InputError when no plate id is given and the source is not a file name
 * @throws FormatError naming file, line and column: no header row, an unknown column, a well twice, a
 *   bad time or RFU, two rows at the same time, no reads
 * @example parseKineticsWide("Time,A1,A2\n0:00:00,10,12\n0:01:00,20,25\n", "PA01.csv").plates[0].plate // "PA01"
 */
export function parseKineticsWide(
  input: string | Uint8Array,
  source = "<memory>",
  options: WideKineticsOptions = {},
): KineticReads {
  const plate = options.plate ?? plateIdFromFileName(source);
  if (plate.trim() === "") throw new InputError("plate: expected a plate id, found an empty string");
  const text = decodeText(input, source);
  const cursor = new DelimitedCursor(text, source);
  const header = findHeader(cursor, source);
  const { delimiter, timeField, wellFields, timeName } = header;
  const unitSeconds = timeUnitSeconds(timeName);
  const builder = new KineticReadsBuilder(source, { field: timeField + 1, name: timeName }, 1024);
  const plateIndex = builder.plateIndex(plate.trim());
  const overRange = new OverRangeTally();
  const entries = new Int32Array(wellFields.length).fill(-1);
  const empty = new Int32Array(wellFields.length);
  let firstEmpty = "";
  const width = header.width;
  let ignoredFrom = 0;
  let secondTable = 0;
  while (cursor.nextLine()) {
    const blank = cursor.isBlankOrComment(delimiter);
    if (ignoredFrom > 0) {
      // Trailers (`~End`, file names) are normal; a second table would be a plate silently lost.
      if (secondTable === 0 && !blank && looksLikeHeader(cursor)) secondTable = cursor.line;
      continue;
    }
    if (blank && cursor.lineText().startsWith("#")) continue;
    if (blank || cursor.lineText().startsWith("~End")) {
      ignoredFrom = cursor.line;
      continue;
    }
    cursor.split(delimiter);
    const line = cursor.line;
    for (let i = width; i < cursor.count; i++) {
      if (!cursor.isEmpty(i)) {
        throw new FormatError(
          source,
          `line ${line}`,
          `at most ${width} fields (as in the header)`,
          `${cursor.count}`,
        );
      }
    }
    const timeS = parseTimeS(cursor.field(timeField), unitSeconds);
    if (!(timeS >= 0)) {
      throw new FormatError(
        source,
        at(line, timeField, timeName),
        "a time ≥ 0 as h:mm:ss, mm:ss or a number",
        shown(cursor.field(timeField)),
      );
    }
    for (let k = 0; k < wellFields.length; k++) {
      const f = wellFields[k]!.field;
      if (cursor.isEmpty(f)) {
        if (empty[k]!++ === 0 && firstEmpty === "") firstEmpty = `line ${line}, column ${f + 1}`;
        continue;
      }
      let rfu = cursor.number(f);
      if (Number.isNaN(rfu)) {
        const cell = cursor.field(f);
        if (!isOverRangeMarker(cell)) {
          throw new FormatError(source, at(line, f, wellFields[k]!.name), "a number", shown(cell));
        }
        overRange.add(cell, `line ${line}, column ${f + 1}`);
        rfu = Number.POSITIVE_INFINITY;
      }
      if (entries[k]! < 0) {
        const w = wellFields[k]!;
        entries[k] = builder.wellEntry(plateIndex, w.row, w.column, header.line, f + 1);
      }
      builder.add(entries[k]!, timeS, rfu, line);
    }
  }
  if (builder.size === 0)
    throw new FormatError(source, `line ${header.line + 1}`, "reads below the header", "none");
  const warnings = overRange.warning(source);
  const partlyEmpty = wellFields.filter((_, k) => empty[k]! > 0 && entries[k]! >= 0).map((w) => w.name);
  if (partlyEmpty.length > 0) {
    warnings.push(
      `${source}: ${partlyEmpty.length} well column(s) have empty cells among their reads (${partlyEmpty.slice(0, 8).join(", ")}${partlyEmpty.length > 8 ? ", …" : ""}; first at ${firstEmpty}); those reads are missing`,
    );
  }
  if (secondTable > 0) {
    warnings.push(
      `${source}: another table starts on line ${secondTable}; only the first (lines ${header.line}–${ignoredFrom - 1}) is read. Export one plate per file`,
    );
  }
  for (const f of header.blankHeaderFields) {
    warnings.push(`${source}: column ${f + 1} has no header and was ignored`);
  }
  return builder.build(warnings);
}

interface WideHeader {
  delimiter: string;
  line: number;
  width: number;
  timeField: number;
  timeName: string;
  wellFields: { field: number; name: string; row: number; column: number }[];
  blankHeaderFields: number[];
}

/** True when the current line has a time column and a well column, like a wide table's header. */
function looksLikeHeader(cursor: DelimitedCursor): boolean {
  cursor.split(detectDelimiter(cursor.lineText()));
  let time = false;
  let well = false;
  for (let i = 0; i < cursor.count; i++) {
    const name = cursor.field(i);
    time ||= WIDE_TIME_COLUMN.test(name);
    well ||= parseWellId(name) !== undefined;
  }
  return time && well;
}

function findHeader(cursor: DelimitedCursor, source: string): WideHeader {
  let firstLine = "";
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(",")) continue;
    if (firstLine === "") firstLine = cursor.lineText();
    const delimiter = detectDelimiter(cursor.lineText());
    cursor.split(delimiter);
    const names = Array.from({ length: cursor.count }, (_, i) => cursor.field(i));
    const timeField = names.findIndex((n) => WIDE_TIME_COLUMN.test(n));
    if (timeField < 0 || !names.some((n) => parseWellId(n))) continue;
    const wellFields: WideHeader["wellFields"] = [];
    const firstOf = new Map<string, number>();
    let width = names.length;
    while (width > 0 && names[width - 1] === "") width--;
    for (let i = 0; i < width; i++) {
      const name = names[i]!;
      if (i === timeField || name === "" || WIDE_IGNORED_COLUMN.test(name) || WIDE_TIME_COLUMN.test(name))
        continue;
      const position = parseWellId(name);
      if (!position) {
        throw new FormatError(
          source,
          `line ${cursor.line}, column ${i + 1}`,
          "a well id (A1…AF48), a time column or a temperature column",
          shown(name),
        );
      }
      const canonical = `${position.row}:${position.column}`;
      const first = firstOf.get(canonical);
      if (first !== undefined) {
        throw new FormatError(
          source,
          `line ${cursor.line}, column ${i + 1}`,
          "each well once",
          `'${name}' again (first in column ${first + 1})`,
        );
      }
      firstOf.set(canonical, i);
      wellFields.push({ field: i, name, ...position });
    }
    const blankHeaderFields = names.flatMap((n, i) => (n === "" && i < width ? [i] : []));
    return {
      delimiter,
      line: cursor.line,
      width: names.length,
      timeField,
      timeName: names[timeField]!,
      wellFields,
      blankHeaderFields,
    };
  }
  throw new FormatError(
    source,
    "file",
    "a header row with a time column (Time, Time [s], Kinetic read) and well columns (A1, A2, …)",
    firstLine === "" ? "an empty file" : `none; the first line is ${shown(firstLine)}`,
  );
}

/** The default plate id of a wide export: its file name without directories and extension. */
export function plateIdFromFileName(source: string): string {
  if (source === "" || source.startsWith("<")) {
    throw new InputError(
      `${source || "<memory>"}: a wide kinetic export holds one plate and does not name it; give the plate id (--plate)`,
    );
  }
  const name = source.split(/[\\/]/).pop()!;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}
