import { FormatError } from "../../core/errors.js";
import { bytesPerEvent, parseByteOrder, readData } from "./data.js";
import { type FcsHeader, parseHeader } from "./header.js";
import { parseParameters } from "./parameters.js";
import { parseTextSegment } from "./text.js";
import type { FcsDataset, FcsFile } from "./types.js";

/** More data sets than this in one `$NEXTDATA` chain is treated as a loop. */
const MAX_DATASETS = 10_000;

/**
 * Parses the bytes of an FCS 2.0/3.0/3.1/3.2 file: every data set of its `$NEXTDATA` chain
 * (FCS 3.1 §3.2.18 `$NEXTDATA`, offsets relative to the current data set). Pure: no file access.
 * @param source file name used in error messages and warnings.
 * @throws FormatError naming the file, the segment or keyword, what was expected and found.
 */
export function parseFcs(bytes: Uint8Array, source = "<memory>"): FcsFile {
  const datasets: FcsDataset[] = [];
  const seen = new Set<number>();
  let base = 0;
  while (datasets.length < MAX_DATASETS) {
    seen.add(base);
    const dataset = parseDataset(bytes, base, datasets.length, source);
    datasets.push(dataset);
    const next = toInt(dataset.keywords.$NEXTDATA) ?? 0;
    if (next === 0) break;
    const target = base + next;
    const valid = next > 0 && target + 6 <= bytes.length && !seen.has(target) && magic(bytes, target);
    if (!valid) {
      dataset.warnings.push(
        `$NEXTDATA ${next} does not point at another FCS HEADER; later data sets ignored`,
      );
      break;
    }
    base = target;
  }
  return { datasets };
}

function magic(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x46 && bytes[at + 1] === 0x43 && bytes[at + 2] === 0x53; // "FCS"
}

/** Parses one data set whose HEADER starts at `base`. */
function parseDataset(bytes: Uint8Array, base: number, index: number, source: string): FcsDataset {
  const header = parseHeader(bytes, base, source);
  const warnings: string[] = [];
  const size = bytes.length;
  // FCS 3.1 §3.1: primary TEXT offsets are always in the HEADER.
  if (header.textBegin < base + 58 || header.textEnd < header.textBegin || header.textEnd >= size) {
    throw new FormatError(
      source,
      `HEADER TEXT offsets of data set ${index}`,
      `a TEXT segment inside the file (${size} bytes)`,
      `${header.textBegin - base}–${header.textEnd - base}`,
      "The file is truncated or not FCS",
    );
  }
  const text = parseTextSegment(bytes, header.textBegin, header.textEnd);
  const keywords = text.keywords;
  warnings.push(...text.warnings);
  if (header.version !== "FCS2.0") mergeSupplemental(bytes, base, header, keywords, warnings);

  const mode = keywords.$MODE?.trim().toUpperCase();
  if (mode !== undefined && mode !== "L") {
    throw new FormatError(
      source,
      "TEXT keyword $MODE",
      "'L' (list mode)",
      `'${keywords.$MODE}'`,
      "Histogram data sets ($MODE C or U, deprecated in FCS 3.1) are not supported",
    );
  }
  const parameters = parseParameters(keywords, header.version, source, warnings);
  const order = parseByteOrder(keywords.$BYTEORD, source);
  const record = bytesPerEvent(parameters);
  let events = toInt(keywords.$TOT);
  const [dataBegin, dataEnd] = resolveData(bytes, base, header, keywords, events, record, source, warnings);
  if (events === null) {
    if (record === null) throw missing(source, "$TOT");
    events = Math.floor((Math.min(dataEnd, bytes.length - 1) - dataBegin + 1) / record); // an end past EOF holds no events
    warnings.push(`$TOT is missing; ${events} events derived from the DATA segment length`);
  }
  if (record === null && events * parameters.length > (dataEnd - dataBegin + 2) / 2) {
    // ASCII free format: each value takes at least one character and one separator.
    throw new FormatError(
      source,
      "DATA segment (ASCII)",
      `room for $TOT × $PAR = ${events} × ${parameters.length} values`,
      `${dataEnd - dataBegin + 1} bytes`,
      "The file is truncated or $TOT is wrong",
    );
  }
  const data = readData(bytes, dataBegin, dataEnd, events, parameters, order, source);

  let analysis: Uint8Array | null = null;
  const [ab, ae] = segment(header.analysisBegin, header.analysisEnd, keywords, "ANALYSIS", base);
  if (ab > 0 && ae >= ab && ae < size) analysis = bytes.subarray(ab, ae + 1);
  else if (ab > 0) warnings.push(`ANALYSIS segment ${ab - base}–${ae - base} lies outside the file; ignored`);

  if (header.version !== "FCS2.0" && toInt(keywords.$NEXTDATA) === 0 && dataEnd + 9 > size) {
    warnings.push("no 8-byte CRC field after the data set (FCS 3.x); not verified");
  }
  return { index, version: header.version, keywords, events, parameters, data, analysis, warnings };
}

/** Integer value of a keyword, or null when absent/blank/not an integer. Values are trimmed. */
export function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const t = value.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

function missing(source: string, what: string): FormatError {
  return new FormatError(source, "TEXT", `keyword ${what}`, "none");
}

/** HEADER offsets, or the TEXT `$BEGIN…/$END…` pair when the HEADER holds 0/0 or 99999999. */
function segment(
  hb: number,
  he: number,
  keywords: Record<string, string>,
  name: string,
  base: number,
): [number, number] {
  if (hb > 0 && he - base !== 99_999_999) return [hb, he];
  const b = toInt(keywords[`$BEGIN${name}`]);
  const e = toInt(keywords[`$END${name}`]);
  return b && e !== null ? [base + b, base + e] : [0, 0];
}

/** Supplemental TEXT (FCS 3.1 §3.2.1): same delimiter, outside the primary TEXT; primary keys win. */
function mergeSupplemental(
  bytes: Uint8Array,
  base: number,
  header: FcsHeader,
  keywords: Record<string, string>,
  warnings: string[],
): void {
  const b = toInt(keywords.$BEGINSTEXT);
  const e = toInt(keywords.$ENDSTEXT);
  if (!b || e === null || e < b) return;
  const [sb, se] = [base + b, base + e];
  if (sb === header.textBegin) return; // Accuri points it at the primary TEXT itself
  const overlaps = sb <= header.textEnd && se >= header.textBegin;
  if (overlaps || se >= bytes.length || bytes[sb] !== bytes[header.textBegin]) {
    warnings.push(
      `supplemental TEXT ${b}–${e} is not a keyword segment (outside the file, overlapping, or another delimiter); ignored`,
    );
    return;
  }
  const extra = parseTextSegment(bytes, sb, se);
  for (const [k, v] of Object.entries(extra.keywords)) if (!(k in keywords)) keywords[k] = v;
}

/**
 * Chooses the DATA offsets (notes: HEADER vs TEXT). A candidate is plausible when it does not overlap
 * the TEXT (Beckman LMD data sets put DATA before TEXT), ends at most one byte past the end of the file and holds `$TOT` × bytes per event; the HEADER is
 * preferred, then TEXT (FCS 3.x only). Never derives `$TOT` from `$ENDDATA`.
 */
function resolveData(
  bytes: Uint8Array,
  base: number,
  header: FcsHeader,
  keywords: Record<string, string>,
  events: number | null,
  record: number | null,
  source: string,
  warnings: string[],
): [number, number] {
  const size = bytes.length;
  const need = events !== null && record !== null ? events * record : null;
  if (need === 0) return [0, -1];
  const headerPair: [number, number] | null =
    header.dataBegin > 0 && header.dataEnd - base !== 99_999_999 ? [header.dataBegin, header.dataEnd] : null;
  const tb = toInt(keywords.$BEGINDATA);
  const te = toInt(keywords.$ENDDATA);
  const textPair: [number, number] | null =
    header.version !== "FCS2.0" && tb !== null && te !== null && tb > 0 ? [base + tb, base + te] : null;
  const plausible = (p: [number, number] | null): p is [number, number] =>
    p !== null &&
    (p[0] > header.textEnd || p[1] < header.textBegin) &&
    p[0] >= base + 58 &&
    p[1] <= size &&
    p[1] >= p[0] - 1 &&
    // The end may point one byte past the file, but the $TOT events themselves must be in it.
    (need === null || (p[1] - p[0] + 1 >= need && p[0] + need <= size));
  const describe = (p: [number, number] | null) => (p ? `${p[0] - base}–${p[1] - base}` : "absent");
  if (headerPair && textPair && (headerPair[0] !== textPair[0] || headerPair[1] !== textPair[1])) {
    const chosen = plausible(headerPair) ? "HEADER" : plausible(textPair) ? "TEXT" : null;
    if (chosen) {
      warnings.push(
        `HEADER DATA offsets (${describe(headerPair)}) != TEXT $BEGINDATA/$ENDDATA (${describe(textPair)}); using ${chosen} offsets`,
      );
    }
  }
  if (plausible(headerPair)) return headerPair;
  if (plausible(textPair)) return textPair;
  // iQue writes $ENDDATA == $BEGINDATA: accept a start after TEXT when the file holds the events.
  const start = headerPair?.[0] ?? textPair?.[0];
  if (start !== undefined && start > header.textEnd && need !== null && start + need <= size) {
    warnings.push(
      `DATA end offset is shorter than $TOT × ${record} bytes; read ${need} bytes from ${start - base}`,
    );
    return [start, start + need - 1];
  }
  const available = start !== undefined ? Math.max(0, size - start) : 0;
  throw new FormatError(
    source,
    base === 0 ? "DATA segment" : `DATA segment of the data set at byte ${base}`,
    need !== null
      ? `$TOT × bytes per event = ${events} × ${record} = ${need} bytes`
      : "a DATA segment after the TEXT",
    `${available} bytes in the file after the DATA start (HEADER offsets ${describe(headerPair)}, TEXT offsets ${describe(textPair)}, file ${size} bytes)`,
    "The file is truncated or its DATA offsets are wrong",
  );
}
