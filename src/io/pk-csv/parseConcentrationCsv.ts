import { FormatError } from "../../core/errors.js";
import type { ConcentrationProfile } from "../../core/pk/nca/index.js";
import { at, readTableHeader, shown, tooFewFields } from "../plate-csv/tableHeader.js";

/** The required columns of the concentration CSV (`pk nca --data`); `id` is optional. */
export const CONCENTRATION_COLUMNS = ["time_h", "conc_ng_mL"] as const;

/** Cells read as a missing concentration (NCA drops them). */
const MISSING = new Set(["", ".", "na", "nan"]);
/** Cells read as below the limit of quantification, i.e. 0 (NCA's BLQ rules then apply). */
const BLQ = new Set(["blq", "bql", "<lloq", "<loq"]);

/**
 * Parses concentration–time data: header `time_h,conc_ng_mL` and optionally `id` (any order and case,
 * extra columns ignored; comma, tab or semicolon), one sample per line, grouped into one profile per
 * `id` in order of first appearance (without an `id` column, one profile with id `"1"`). `time_h` ≥ 0
 * and strictly increasing within an id (rows of different ids may interleave); `conc_ng_mL` ≥ 0, or
 * `BLQ`/`BQL`/`<LLOQ` (read as 0), or empty/`.`/`NA` (missing).
 * @throws FormatError naming file, line and column: a missing column, an empty id, a non-numeric or
 *   negative time or concentration, a time not after the previous one of its id, no data rows
 * @example parseConcentrationCsv("time_h,conc_ng_mL\n0,0\n1,12.5\n", "conc.csv")[0].conc_ng_mL[1] // 12.5
 */
export function parseConcentrationCsv(
  input: string | Uint8Array,
  source = "<memory>",
): ConcentrationProfile[] {
  const header = readTableHeader(input, source, CONCENTRATION_COLUMNS);
  const { cursor, delimiter, index } = header;
  const ti = index.time_h!;
  const ci = index.conc_ng_mL!;
  const ii = header.names.findIndex((n) => n.toLowerCase() === "id");
  const needed = Math.max(ti, ci, ii) + 1;
  const bySubject = new Map<string, { times: number[]; concs: number[]; lastLine: number }>();
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) continue;
    cursor.split(delimiter);
    const line = cursor.line;
    if (cursor.count < needed) throw tooFewFields(source, line, header.names.length, cursor.count);
    const id = ii >= 0 ? cursor.field(ii) : "1";
    if (id === "") throw new FormatError(source, at(line, ii, "id"), "a subject id", "an empty field");
    const time = cursor.number(ti);
    if (!(time >= 0)) {
      throw new FormatError(source, at(line, ti, "time_h"), "a time in hours ≥ 0", shown(cursor.field(ti)));
    }
    const conc = readConcentration(cursor.field(ci), cursor.number(ci), source, at(line, ci, "conc_ng_mL"));
    let subject = bySubject.get(id);
    if (!subject) {
      subject = { times: [], concs: [], lastLine: 0 };
      bySubject.set(id, subject);
    }
    const previous = subject.times[subject.times.length - 1];
    if (previous !== undefined && !(time > previous)) {
      throw new FormatError(
        source,
        at(line, ti, "time_h"),
        `a time after ${previous} h (line ${subject.lastLine}${ii >= 0 ? `, id ${id}` : ""})`,
        shown(cursor.field(ti)),
        "Times must increase within a subject: sort the rows and remove duplicate samples",
      );
    }
    subject.times.push(time);
    subject.concs.push(conc);
    subject.lastLine = line;
  }
  if (bySubject.size === 0) {
    throw new FormatError(source, `line ${header.line + 1}`, "rows below the header", "none");
  }
  return [...bySubject].map(([id, s]) => ({
    id,
    time_h: Float64Array.from(s.times),
    conc_ng_mL: Float64Array.from(s.concs),
  }));
}

function readConcentration(text: string, value: number, source: string, where: string): number {
  if (value >= 0) return value;
  const lower = text.toLowerCase();
  if (MISSING.has(lower)) return Number.NaN;
  if (BLQ.has(lower)) return 0;
  throw new FormatError(
    source,
    where,
    "a concentration in ng/mL ≥ 0, BLQ, or empty/./NA for missing",
    shown(text),
  );
}
