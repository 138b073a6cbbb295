import { FormatError } from "../../core/errors.js";
import { at, readTableHeader, shown, tooFewFields } from "../plate-csv/tableHeader.js";

/** One row of a subject parameter file: the subject id and its values by column name. */
export interface SubjectParameterRow {
  id: string;
  /** Parameter values (model units: L, L/h, 1/h, fraction, h) and covariates (e.g. `BSA` in m²). */
  values: Record<string, number>;
}

/**
 * Parses a subject parameter file (`pk population --subjects-file params.csv`): an `id` column and one
 * column per parameter or covariate name, written as the model names them (`CL,V2,ka,F,V4,BSA` …; the
 * case is kept, `id` may be any case; comma, tab or semicolon). Every cell is a finite number; an empty
 * cell or `.` leaves that name out of the row (the model's typical value applies). Which names the
 * model knows is checked by the caller (`resolveParameters`), not here.
 * @throws FormatError naming file, line and column: no `id` column, a repeated or empty column name, an
 *   empty or repeated id, a non-numeric cell, no data rows
 * @example parseSubjectParameters("id,CL\n1,1.5\n", "params.csv")[0].values.CL // 1.5
 */
export function parseSubjectParameters(
  input: string | Uint8Array,
  source = "<memory>",
): SubjectParameterRow[] {
  const header = readTableHeader(input, source, ["id"]);
  const { cursor, delimiter, names } = header;
  const idIndex = header.index.id!;
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === "") {
      throw new FormatError(source, at(header.line, i, "header"), "a column name", "an empty field");
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new FormatError(
        source,
        at(header.line, i, name),
        "each column name once",
        `'${name}' again (first in column ${first + 1})`,
      );
    }
    seen.set(name, i);
  });
  const rows: SubjectParameterRow[] = [];
  const lineOf = new Map<string, number>();
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) continue;
    cursor.split(delimiter);
    const line = cursor.line;
    if (cursor.count < names.length) throw tooFewFields(source, line, names.length, cursor.count);
    const id = cursor.field(idIndex);
    if (id === "") throw new FormatError(source, at(line, idIndex, "id"), "a subject id", "an empty field");
    const first = lineOf.get(id);
    if (first !== undefined) {
      throw new FormatError(
        source,
        at(line, idIndex, "id"),
        "each id once",
        `id ${id} again (first on line ${first})`,
      );
    }
    lineOf.set(id, line);
    const values: Record<string, number> = {};
    for (let i = 0; i < names.length; i++) {
      if (i === idIndex || cursor.isEmpty(i) || cursor.fieldEquals(i, ".")) continue;
      const value = cursor.number(i);
      if (Number.isNaN(value)) {
        throw new FormatError(source, at(line, i, names[i]!), "a number", shown(cursor.field(i)));
      }
      values[names[i]!] = value;
    }
    rows.push({ id, values });
  }
  if (rows.length === 0) {
    throw new FormatError(source, `line ${header.line + 1}`, "rows below the header", "none");
  }
  return rows;
}
