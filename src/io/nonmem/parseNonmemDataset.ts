import { FormatError } from "../../core/errors.js";
import type { DosingEvent } from "../../core/pk/events.js";
import { DelimitedCursor } from "../csv/DelimitedCursor.js";
import { decodeText } from "../csv/decodeText.js";
import { detectDelimiter } from "../csv/detectDelimiter.js";
import { at, shown, tooFewFields } from "../plate-csv/tableHeader.js";
import { type Evid, NONMEM_COLUMNS, type NonmemDataset, type NonmemSubject } from "./nonmemTypes.js";

type Column = (typeof NONMEM_COLUMNS)[number];

/**
 * Parses a NONMEM-format dataset (the `$DATA` file): a header line naming the columns — `ID,TIME,AMT,DV,
 * EVID,CMT,MDV` and optionally `RATE,II,ADDL,SS`, any order and case, other columns kept as text —
 * then one record per line. The header may start with `#` or `@` (as written for `IGNORE=#`/`IGNORE=@`).
 * Comma, tab, semicolon or space delimited. Blank lines, lines starting with `#`, `@` or a first field
 * `C` (`IGNORE=C`), and rows whose `C` column holds `C` are skipped. `.` or an empty cell is missing.
 *
 * Units: TIME h (elapsed, not clock time), AMT mg, DV ng/mL, RATE mg/h, II h. Rules (NONMEM's):
 * - ID and TIME are required; TIME ≥ 0 and non-decreasing within an ID; the rows of one ID are together.
 * - EVID 0 observation, 1 dose, 2 other, 3 reset, 4 reset and dose. Without an EVID column a row with
 *   AMT > 0 is a dose, a row with MDV = 1 is "other", the rest are observations.
 * - A dose needs AMT ≥ 0 (so an AMT column); CMT defaults to 1 (the depot of oral models); ADDL > 0 needs
 *   II > 0; RATE > 0 is a zero-order input in mg/h. RATE −1/−2 (modelled) and SS ≠ 0 are not supported.
 * - An EVID 0 record with DV present and MDV ≠ 1 is an observation; a missing DV makes it unobserved.
 * @throws FormatError naming file, line and column: no header, missing ID/TIME (or AMT/DV where doses or
 *   observations need them), a non-numeric cell, a negative time or dose, a time earlier than the ID's
 *   previous one, an ID split into separate blocks, unsupported EVID/RATE/SS values
 * @example parseNonmemDataset("ID,TIME,AMT,DV,EVID,CMT\n1,0,4,.,1,1\n1,1,.,18,0,2\n").subjects[0].observations
 */
export function parseNonmemDataset(input: string | Uint8Array, source = "<memory>"): NonmemDataset {
  const { cursor, delimiter, names, headerLine } = findHeader(decodeText(input, source), source);
  const index = new Map<Column, number>();
  const extraColumns: { name: string; at: number }[] = [];
  names.forEach((name, i) => {
    const upper = name.toUpperCase() as Column;
    if ((NONMEM_COLUMNS as readonly string[]).includes(upper) && !index.has(upper)) index.set(upper, i);
    else extraColumns.push({ name, at: i });
  });
  const missing = (["ID", "TIME"] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new FormatError(
      source,
      `line ${headerLine} (header)`,
      "columns 'ID', 'TIME' (and AMT, DV, EVID, CMT, MDV as needed)",
      `columns ${names.map((n) => `'${n}'`).join(", ")}`,
      `Add the missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")}`,
    );
  }
  const col = (c: Column) => index.get(c) ?? -1;
  const [idI, timeI, amtI, dvI, evidI, cmtI, mdvI, rateI, iiI, addlI, ssI, cI] = NONMEM_COLUMNS.map(
    col,
  ) as number[];
  const subjects: NonmemSubject[] = [];
  const lineOfId = new Map<string, number>();
  let current: NonmemSubject | undefined;
  let previousTime = 0;
  let previousLine = 0;

  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) continue;
    // `@` (IGNORE=@) and `C` followed by a space (IGNORE=C) start comment lines too.
    if (/^(@|C\s)/.test(cursor.lineText().trimStart())) continue;
    cursor.split(delimiter);
    const line = cursor.line;
    if (cursor.fieldEquals(0, "C") || (cI! >= 0 && cursor.fieldEquals(cI!, "C"))) continue;
    if (cursor.count < names.length) throw tooFewFields(source, line, names.length, cursor.count);

    const number = (i: number, name: string, expected: string): number | null => {
      if (i < 0 || cursor.isEmpty(i) || cursor.fieldEquals(i, ".")) return null;
      const value = cursor.number(i);
      if (Number.isNaN(value))
        throw new FormatError(source, at(line, i, name), expected, shown(cursor.field(i)));
      return value;
    };
    const bad = (i: number, name: string, expected: string, hint?: string) =>
      new FormatError(source, at(line, i, name), expected, shown(cursor.field(i)), hint);

    const id = cursor.field(idI!);
    if (id === "" || id === ".") throw bad(idI!, "ID", "a subject id");
    const time = number(timeI!, "TIME", "a time in hours ≥ 0");
    if (time === null || time < 0) throw bad(timeI!, "TIME", "a time in hours ≥ 0");
    const amt = number(amtI!, "AMT", "a dose in mg ≥ 0 or '.'");
    if (amt !== null && amt < 0) throw bad(amtI!, "AMT", "a dose in mg ≥ 0 or '.'");
    const dv = number(dvI!, "DV", "a concentration in ng/mL or '.'");
    const mdvValue = number(mdvI!, "MDV", "0, 1 or '.'");
    if (mdvValue !== null && mdvValue !== 0 && mdvValue !== 1) throw bad(mdvI!, "MDV", "0, 1 or '.'");
    const evidValue = number(evidI!, "EVID", "an EVID of 0, 1, 2, 3 or 4");
    if (evidValue !== null && !(Number.isInteger(evidValue) && evidValue >= 0 && evidValue <= 4)) {
      throw bad(evidI!, "EVID", "an EVID of 0, 1, 2, 3 or 4");
    }
    const evid = (evidValue ?? (amt !== null && amt > 0 ? 1 : mdvValue === 1 ? 2 : 0)) as Evid;
    const isDose = evid === 1 || evid === 4;
    const cmt = number(cmtI!, "CMT", "a compartment number ≥ 1 or '.'");
    if (cmt !== null && !(Number.isInteger(cmt) && cmt >= 1)) {
      throw bad(
        cmtI!,
        "CMT",
        "a compartment number ≥ 1 or '.'",
        "Negative CMT (compartment off) is not supported",
      );
    }
    const rate = number(rateI!, "RATE", "an infusion rate in mg/h ≥ 0 or '.'");
    if (rate !== null && rate < 0) {
      throw bad(
        rateI!,
        "RATE",
        "an infusion rate in mg/h ≥ 0 or '.'",
        "Modelled rate (-1) or duration (-2) is not supported",
      );
    }
    const ii = number(iiI!, "II", "a dosing interval in hours ≥ 0 or '.'");
    if (ii !== null && ii < 0) throw bad(iiI!, "II", "a dosing interval in hours ≥ 0 or '.'");
    const addl = number(addlI!, "ADDL", "a whole number of additional doses ≥ 0 or '.'");
    if (addl !== null && !(Number.isInteger(addl) && addl >= 0)) {
      throw bad(addlI!, "ADDL", "a whole number of additional doses ≥ 0 or '.'");
    }
    const ss = number(ssI!, "SS", "0 or '.'");
    if (ss !== null && ss !== 0) {
      throw bad(
        ssI!,
        "SS",
        "0 or '.'",
        "Steady-state doses are not supported: write the doses out with II and ADDL",
      );
    }
    if (isDose) {
      if (amtI! < 0) {
        throw new FormatError(
          source,
          `line ${headerLine} (header)`,
          "an 'AMT' column",
          `a dose record (EVID ${evid}) on line ${line} and no AMT column`,
          "Add AMT (mg)",
        );
      }
      if (amt === null) throw bad(amtI!, "AMT", `a dose in mg ≥ 0 on a dose record (EVID ${evid})`);
      if (addl !== null && addl > 0 && !(ii !== null && ii > 0)) {
        throw bad(iiI! >= 0 ? iiI! : addlI!, iiI! >= 0 ? "II" : "ADDL", "II > 0 h with ADDL > 0");
      }
    }
    if (evid === 0 && dvI! < 0 && mdvValue !== 1) {
      throw new FormatError(
        source,
        `line ${headerLine} (header)`,
        "a 'DV' column",
        `an observation record on line ${line} and no DV column`,
        "Add DV (ng/mL), or mark non-observation rows with MDV=1 or EVID=2",
      );
    }

    if (!current || current.id !== id) {
      const earlier = lineOfId.get(id);
      if (earlier !== undefined) {
        throw new FormatError(
          source,
          at(line, idI!, "ID"),
          `the rows of ID ${id} together (its earlier rows end on line ${earlier})`,
          `ID ${id} again after other IDs`,
          "Sort the dataset by ID, then TIME",
        );
      }
      current = { id, events: [], observations: [], records: [] };
      subjects.push(current);
      previousTime = time;
    } else if (time < previousTime) {
      throw new FormatError(
        source,
        at(line, timeI!, "TIME"),
        `a time ≥ ${previousTime} h (the previous record of ID ${id}, line ${previousLine})`,
        shown(cursor.field(timeI!)),
        "TIME must not decrease within an ID: sort the records by TIME",
      );
    }
    previousTime = time;
    previousLine = line;
    lineOfId.set(id, line);

    const observed = evid === 0 && dv !== null && mdvValue !== 1;
    const extra: Record<string, string> = {};
    for (const e of extraColumns) extra[e.name] = cursor.field(e.at);
    current.records!.push({
      time_h: time,
      evid,
      amt_mg: amt,
      dv,
      cmt,
      mdv: mdvValue === null ? (observed ? 0 : 1) : (mdvValue as 0 | 1),
      rate_mg_per_h: rate,
      ii_h: ii,
      addl,
      extra,
    });
    if (isDose) {
      const event: DosingEvent = { time_h: time, amt_mg: amt!, cmt: cmt ?? 1, evid: evid as 1 | 4 };
      if (addl !== null && addl > 0) {
        event.ii_h = ii!;
        event.addl = addl;
      }
      if (rate !== null && rate > 0) event.rate_mg_per_h = rate;
      current.events.push(event);
    } else if (observed) {
      current.observations.push(cmt === null ? { time_h: time, dv } : { time_h: time, dv, cmt });
    }
  }
  if (subjects.length === 0) {
    throw new FormatError(source, `line ${headerLine + 1}`, "data records below the header", "none");
  }
  return { subjects, extraColumns: extraColumns.map((e) => e.name) };
}

interface Header {
  cursor: DelimitedCursor;
  delimiter: string;
  names: string[];
  headerLine: number;
}

/**
 * Finds the header: the first line that is not blank and not a comment, or a `#`/`@` comment line that
 * names ID and TIME. Space-delimited files (NONMEM's own tables) are rewritten with tabs first, keeping
 * line numbers.
 */
function findHeader(text: string, source: string): Header {
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.replace(/\r$/, "").trim();
    if (raw === "") continue;
    const commented = raw[0] === "#" || raw[0] === "@";
    const body = commented ? raw.slice(1).trim() : raw;
    let delimiter = detectDelimiter(body);
    const whitespace = !body.includes(delimiter) && /\s/.test(body);
    if (whitespace) delimiter = "\t";
    const names = (whitespace ? body.split(/\s+/) : body.split(delimiter)).map((s) =>
      s.trim().replace(/^"|"$/g, ""),
    );
    const upper = names.map((s) => s.toUpperCase());
    const named = upper.includes("ID") && upper.includes("TIME");
    if (commented && !named) continue;
    if (!commented && /^C(\s|,|;|$)/.test(raw) && !named) continue;
    if (!named && names.every((s) => s === "." || !Number.isNaN(Number(s)))) {
      throw new FormatError(
        source,
        `line ${n + 1}`,
        "a header line naming the columns, e.g. 'ID,TIME,AMT,DV,EVID,CMT,MDV'",
        "a data record",
        "Add the $INPUT column names as the first line",
      );
    }
    const rest = whitespace
      ? lines.map((l, i) => (i <= n ? "" : l.trim().replace(/[ \t]+/g, "\t"))).join("\n")
      : lines.map((l, i) => (i <= n ? "" : l)).join("\n");
    const cursor = new DelimitedCursor(rest, source);
    // Blank out the lines up to the header, then step past them, so cursor.line is the file's line.
    for (let i = 0; i <= n; i++) cursor.nextLine();
    return { cursor, delimiter, names, headerLine: n + 1 };
  }
  throw new FormatError(source, "file", "a header line naming the columns", "an empty file");
}
