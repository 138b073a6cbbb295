import type { LayoutPlate, LayoutWell, PlateFormat, PlateLayout } from "../../core/assays/ic50/plates.js";
import { formatWellId, PLATE_FORMATS, plateFormatOfGrid, rowLetters } from "../../core/assays/ic50/plates.js";
import { FormatError } from "../../core/errors.js";
import { DelimitedCursor } from "../csv/DelimitedCursor.js";
import { decodeText } from "../csv/decodeText.js";
import { detectDelimiter } from "../csv/detectDelimiter.js";
import { checkConcentration, checkRole } from "./layoutWellFields.js";
import { shown } from "./tableHeader.js";

/** The fields a plate-map grid can give, one grid each. */
export const GRID_FIELDS = ["role", "compound", "conc_nM"] as const;

/** One of {@link GRID_FIELDS}. */
export type GridField = (typeof GRID_FIELDS)[number];

interface Grid {
  markerLine: number;
  rows: number;
  columns: number;
  cells: string[];
  /** 1-based line of each grid row. */
  lines: number[];
}

/**
 * Parses a plate-map grid layout: for each plate, up to three grids laid out like the plate itself.
 *
 * ```text
 * plate,PA01,field,role
 * ,1,2,3,…,24
 * A,max,min,sample,…
 * B,max,min,sample,…
 * …
 * P,max,min,blank,…
 *
 * plate,PA01,field,compound
 * ,1,2,3,…,24
 * A,DMSO,bortezomib,ixazomib,…
 * …
 *
 * plate,PA01,field,conc_nM
 * ,1,2,3,…,24
 * A,,10000,1000,…
 * …
 * ```
 *
 * Each grid starts with a block line `plate,<plate id>,field,<field>` (field `role`, `compound` or
 * `conc_nM`), then a column-number row (empty first cell, then 1, 2, … in order), then one row per plate
 * row labelled A, B, … in order. The grid's size declares the plate format: 8 × 12 (96 wells),
 * 16 × 24 (384) or 32 × 48 (1536, rows A–Z then AA–AF). Cells hold a well's role
 * (`sample|max|min|blank`; empty = unused well), compound name or concentration in nM. Every plate needs
 * a `role` grid; `compound` and `conc_nM` grids are needed when it has sample wells, and must leave wells
 * without a role empty. The rules of the long layout apply to each well (a sample needs a compound and a
 * concentration > 0). Blank lines and `#` comment lines may separate blocks; comma, tab or semicolon
 * delimited; trailing empty cells are ignored.
 * @throws FormatError naming file, line and column: a malformed block line, column-number row or row
 *   label, a grid of an unknown size, a field given twice for a plate, grids of one plate that differ
 *   in size, a missing grid, an unknown role, a sample without compound or concentration, a value in a
 *   well without a role
 * @example parseLayoutGrid(text, "layout-grid.csv").plates[0].format // 384
 */
export function parseLayoutGrid(input: string | Uint8Array, source = "<memory>"): PlateLayout {
  const text = decodeText(input, source);
  const cursor = new DelimitedCursor(text, source);
  const plates = new Map<string, Partial<Record<GridField, Grid>>>();
  let delimiter = "";
  let pending = false;
  while (pending || cursor.nextLine()) {
    pending = false;
    if (cursor.isBlankOrComment(delimiter || ",")) continue;
    if (delimiter === "") delimiter = detectDelimiter(cursor.lineText());
    cursor.split(delimiter);
    const { plate, field } = readBlockLine(cursor, source);
    let grids = plates.get(plate);
    if (!grids) {
      grids = {};
      plates.set(plate, grids);
    }
    const previous = grids[field];
    if (previous) {
      throw new FormatError(
        source,
        `line ${cursor.line}`,
        `one '${field}' grid per plate`,
        `a second one for plate ${plate} (the first starts on line ${previous.markerLine})`,
      );
    }
    const grid = readGrid(cursor, source, delimiter);
    grids[field] = grid;
    pending = grid.stoppedAtBlockLine;
  }
  if (plates.size === 0) {
    throw new FormatError(source, "file", "a block line 'plate,<plate id>,field,role'", "an empty file");
  }
  const layoutPlates: LayoutPlate[] = [];
  const wells: LayoutWell[] = [];
  for (const [plate, grids] of plates) {
    layoutPlates.push({ plate, format: combinePlate(plate, grids, source, wells), formatDeclared: true });
  }
  return { source, plates: layoutPlates, wells };
}

function readBlockLine(cursor: DelimitedCursor, source: string): { plate: string; field: GridField } {
  const field = cursor.field(3) as GridField;
  const isBlock =
    cursor.field(0).toLowerCase() === "plate" &&
    cursor.field(1) !== "" &&
    cursor.field(2).toLowerCase() === "field" &&
    GRID_FIELDS.includes(field);
  let extra = false;
  for (let i = 4; i < cursor.count; i++) extra ||= !cursor.isEmpty(i);
  if (!isBlock || extra) {
    throw new FormatError(
      source,
      `line ${cursor.line}`,
      `a block line 'plate,<plate id>,field,<${GRID_FIELDS.join("|")}>'`,
      shown(cursor.lineText()),
    );
  }
  return { plate: cursor.field(1), field };
}

function readGrid(
  cursor: DelimitedCursor,
  source: string,
  delimiter: string,
): Grid & { stoppedAtBlockLine: boolean } {
  const markerLine = cursor.line;
  let hasHeader = false;
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) continue;
    hasHeader = true;
    break;
  }
  if (!hasHeader) {
    throw new FormatError(
      source,
      `line ${markerLine + 1}`,
      "a column-number row ',1,2,…'",
      "the end of the file",
    );
  }
  cursor.split(delimiter);
  const headerLine = cursor.line;
  let columns = 0;
  while (columns + 1 < cursor.count && cursor.field(columns + 1) === String(columns + 1)) columns++;
  let trailing = true;
  for (let i = columns + 1; i < cursor.count; i++) trailing &&= cursor.isEmpty(i);
  const rows = [96, 384, 1536]
    .map((f) => PLATE_FORMATS[f as PlateFormat])
    .find((d) => d.columns === columns)?.rows;
  if (!cursor.isEmpty(0) || !trailing || columns === 0 || rows === undefined) {
    throw new FormatError(
      source,
      `line ${headerLine}`,
      "a column-number row with an empty first cell, then 1 to 12, 24 or 48",
      shown(cursor.lineText()),
    );
  }
  const cells: string[] = [];
  const lines: number[] = [];
  let stoppedAtBlockLine = false;
  while (cursor.nextLine()) {
    if (cursor.isBlankOrComment(delimiter)) break;
    cursor.split(delimiter);
    if (cursor.field(0).toLowerCase() === "plate" && cursor.field(2).toLowerCase() === "field") {
      stoppedAtBlockLine = true;
      break;
    }
    const r = lines.length;
    const label = cursor.field(0);
    if (r >= rows || label.toUpperCase() !== rowLetters(r)) {
      throw new FormatError(
        source,
        `line ${cursor.line}, column 1`,
        r >= rows
          ? `a blank line or a block line after row ${rowLetters(rows - 1)}`
          : `row label '${rowLetters(r)}'`,
        shown(label),
      );
    }
    for (let i = columns + 1; i < cursor.count; i++) {
      if (!cursor.isEmpty(i)) {
        throw new FormatError(
          source,
          `line ${cursor.line}, column ${i + 1}`,
          `${columns} columns, as in the column-number row on line ${headerLine}`,
          shown(cursor.field(i)),
        );
      }
    }
    for (let c = 1; c <= columns; c++) cells.push(cursor.field(c));
    lines.push(cursor.line);
  }
  if (lines.length !== rows) {
    throw new FormatError(
      source,
      `line ${(lines[lines.length - 1] ?? headerLine) + 1}`,
      `${rows} rows (A–${rowLetters(rows - 1)}) for a grid of ${columns} columns`,
      `${lines.length}`,
    );
  }
  return { markerLine, rows, columns, cells, lines, stoppedAtBlockLine };
}

function combinePlate(
  plate: string,
  grids: Partial<Record<GridField, Grid>>,
  source: string,
  wells: LayoutWell[],
): PlateFormat {
  const roleGrid = grids.role;
  if (!roleGrid) {
    const other = (grids.compound ?? grids.conc_nM)!;
    throw new FormatError(source, `line ${other.markerLine}`, `a 'role' grid for plate ${plate}`, "none");
  }
  const { rows, columns } = roleGrid;
  for (const field of GRID_FIELDS) {
    const g = grids[field];
    if (g && (g.rows !== rows || g.columns !== columns)) {
      throw new FormatError(
        source,
        `line ${g.markerLine}`,
        `a ${rows} × ${columns} grid like plate ${plate}'s role grid (line ${roleGrid.markerLine})`,
        `${g.rows} × ${g.columns}`,
      );
    }
  }
  const place = (g: Grid, r: number, c: number) =>
    `line ${g.lines[r]}, column ${c + 2} (well ${formatWellId(r, c)})`;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      const roleText = roleGrid.cells[i]!;
      const compound = grids.compound?.cells[i] ?? "";
      const concText = grids.conc_nM?.cells[i] ?? "";
      if (roleText === "") {
        const stray = compound !== "" ? grids.compound : concText !== "" ? grids.conc_nM : undefined;
        if (stray) {
          throw new FormatError(
            source,
            place(stray, r, c),
            "an empty cell for a well without a role",
            shown(stray.cells[i]!),
            `Give the well a role on line ${roleGrid.lines[r]}, or clear the cell`,
          );
        }
        continue;
      }
      const role = checkRole(roleText, source, place(roleGrid, r, c));
      if (role === "sample") {
        for (const field of ["compound", "conc_nM"] as const) {
          if (!grids[field]) {
            throw new FormatError(
              source,
              `line ${roleGrid.markerLine}`,
              `a '${field}' grid for plate ${plate}, which has sample wells`,
              "none",
            );
          }
        }
      }
      const conc = checkConcentration(
        role,
        compound,
        concText,
        source,
        grids.compound ? place(grids.compound, r, c) : place(roleGrid, r, c),
        grids.conc_nM ? place(grids.conc_nM, r, c) : place(roleGrid, r, c),
      );
      wells.push({
        plate,
        well: formatWellId(r, c),
        row: r,
        column: c,
        role,
        compound,
        conc_nM: conc,
        line: roleGrid.lines[r]!,
        field: c + 2,
      });
    }
  }
  return plateFormatOfGrid(rows, columns)!;
}
