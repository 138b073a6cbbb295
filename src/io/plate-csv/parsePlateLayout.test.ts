import { describe, expect, it } from "vitest";
import { formatLayoutGrid } from "./formatLayoutGrid.js";
import { parseLayoutCsv } from "./parseLayoutCsv.js";
import { parseLayoutGrid } from "./parseLayoutGrid.js";
import { parsePlateLayout } from "./parsePlateLayout.js";

const HEADER = "plate,well,role,compound,conc_nM\n";
const parseLong = (body: string) => parseLayoutCsv(HEADER + body, "layout.csv");

/** A hand-written 96-well grid: controls in column 1 and 12, a 10-point series of one compound in A. */
function grid96(edit: (rows: Record<string, string[][]>) => void = () => {}): string {
  const blank = () => Array.from({ length: 8 }, () => Array.from({ length: 12 }, () => ""));
  const rows: Record<string, string[][]> = { role: blank(), compound: blank(), conc_nM: blank() };
  for (let r = 0; r < 8; r++) {
    rows.role![r]![0] = "max";
    rows.compound![r]![0] = "DMSO";
    rows.role![r]![11] = r < 6 ? "min" : "blank";
  }
  for (let c = 1; c <= 10; c++) {
    rows.role![0]![c] = "sample";
    rows.compound![0]![c] = "ixazomib";
    rows.conc_nM![0]![c] = String(1000 / 3 ** (c - 1));
  }
  edit(rows);
  const lines: string[] = ["# plate map of PA01"];
  for (const field of ["role", "compound", "conc_nM"]) {
    lines.push(`plate,PA01,field,${field}`, `,${Array.from({ length: 12 }, (_, c) => c + 1).join(",")}`);
    rows[field]!.forEach((cells, r) => {
      lines.push(`${"ABCDEFGH"[r]},${cells.join(",")}`);
    });
    lines.push("");
  }
  return lines.join("\n");
}

describe("long layout CSV", () => {
  it("reads roles, compounds and concentrations, and infers each plate's format", () => {
    const layout = parseLong(
      "P1,A01,MAX,DMSO,\nP1,B2,sample,ixazomib,1e3\nP1,C3,min,bortezomib,10000\nP2,P24,blank,,\n",
    );
    expect(layout.plates).toEqual([
      { plate: "P1", format: 96, formatDeclared: false },
      { plate: "P2", format: 384, formatDeclared: false },
    ]);
    expect(layout.wells[0]).toEqual({
      plate: "P1",
      well: "A1",
      row: 0,
      column: 0,
      role: "max",
      compound: "DMSO",
      conc_nM: Number.NaN,
      line: 2,
      field: 2,
    });
    expect(layout.wells.map((w) => [w.well, w.role, w.conc_nM])).toEqual([
      ["A1", "max", Number.NaN],
      ["B2", "sample", 1000],
      ["C3", "min", 10000],
      ["P24", "blank", Number.NaN],
    ]);
  });
  it("names file, line and column of each kind of bad input", () => {
    const cases: [string, string][] = [
      [
        "P1,A1,control,DMSO,\n",
        "layout.csv: line 2, column 3 (role): expected one of sample, max, min, blank, found 'control'",
      ],
      [
        "P1,A1,sample,ixazomib,0\n",
        "layout.csv: line 2, column 5 (conc_nM): expected a concentration in nM > 0 for a sample well, found '0'. Vehicle wells are max controls: give them the role 'max'",
      ],
      [
        "P1,A1,sample,ixazomib,-3\n",
        "layout.csv: line 2, column 5 (conc_nM): expected a concentration in nM > 0 for a sample well, found '-3'",
      ],
      [
        "P1,A1,sample,ixazomib,\n",
        "layout.csv: line 2, column 5 (conc_nM): expected a concentration in nM > 0 for a sample well, found an empty field",
      ],
      [
        "P1,A1,sample,ixazomib,1 µM\n",
        "layout.csv: line 2, column 5 (conc_nM): expected a concentration in nM > 0 for a sample well, found '1 µM'",
      ],
      [
        "P1,A1,sample,,10\n",
        "layout.csv: line 2, column 4 (compound): expected a compound name for a sample well, found an empty field",
      ],
      [
        "P1,A1,min,bortezomib,-1\n",
        "layout.csv: line 2, column 5 (conc_nM): expected an empty field or a concentration in nM ≥ 0, found '-1'",
      ],
      [
        "P1,A99,max,,\n",
        "layout.csv: line 2, column 2 (well): expected a well id A1…AF48 (e.g. B7 or B07), found 'A99'",
      ],
      [
        "P1,A1,max,,\nP1,A01,min,,\n",
        "layout.csv: line 3, column 2 (well): expected each plate and well once, found a second entry for plate P1 well A1 (the first is on line 2)",
      ],
      ["", "layout.csv: line 2: expected wells below the header, found none"],
    ];
    for (const [body, message] of cases) expect(() => parseLong(body), body).toThrow(message);
    expect(() => parseLayoutCsv("plate,well,role\nP1,A1,max\n", "layout.csv")).toThrow(
      "layout.csv: line 1 (header): expected columns 'plate', 'well', 'role', 'compound', 'conc_nM', found columns 'plate', 'well', 'role'. Add the missing columns 'compound', 'conc_nM'",
    );
    expect(() => parseLayoutCsv("", "layout.csv")).toThrow(
      "layout.csv: file: expected a header line 'plate,well,role,compound,conc_nM', found an empty file",
    );
  });
});

describe("plate-map grid layout", () => {
  it("reads a hand-written 96-well grid, declaring the plate format", () => {
    const layout = parsePlateLayout(grid96(), "map.csv");
    expect(layout.plates).toEqual([{ plate: "PA01", format: 96, formatDeclared: true }]);
    expect(layout.wells).toHaveLength(26);
    expect(layout.wells.slice(0, 3)).toEqual([
      {
        plate: "PA01",
        well: "A1",
        row: 0,
        column: 0,
        role: "max",
        compound: "DMSO",
        conc_nM: Number.NaN,
        line: 4,
        field: 2,
      },
      {
        plate: "PA01",
        well: "A2",
        row: 0,
        column: 1,
        role: "sample",
        compound: "ixazomib",
        conc_nM: 1000,
        line: 4,
        field: 3,
      },
      {
        plate: "PA01",
        well: "A3",
        row: 0,
        column: 2,
        role: "sample",
        compound: "ixazomib",
        conc_nM: 333.3333333333333,
        line: 4,
        field: 4,
      },
    ]);
    expect(layout.wells.filter((w) => w.role === "blank").map((w) => w.well)).toEqual(["G12", "H12"]);
  });
  it("round-trips through its writer, also for 1536-well plates", () => {
    const long = parseLayoutCsv(`${HEADER}Q,AF48,max,DMSO,\nQ,A1,sample,"x, y",0.5\n`, "l.csv");
    const text = formatLayoutGrid(long);
    expect(text.split("\n")[0]).toBe("plate,Q,field,role");
    const grid = parseLayoutGrid(text, "g.csv");
    expect(grid.plates).toEqual([{ plate: "Q", format: 1536, formatDeclared: true }]);
    expect(grid.wells.map((w) => [w.well, w.role, w.compound, w.conc_nM])).toEqual([
      ["A1", "sample", "x, y", 0.5],
      ["AF48", "max", "DMSO", Number.NaN],
    ]);
  });
  it("names file, line and column of each kind of bad input", () => {
    const cases: [string, string][] = [
      [
        grid96((g) => (g.role![2]![4] = "ctrl")),
        "map.csv: line 6, column 6 (well C5): expected one of sample, max, min, blank, found 'ctrl'",
      ],
      [
        grid96((g) => (g.conc_nM![0]![3] = "0")),
        "map.csv: line 26, column 5 (well A4): expected a concentration in nM > 0 for a sample well, found '0'. Vehicle wells are max controls: give them the role 'max'",
      ],
      [
        grid96((g) => (g.compound![0]![3] = "")),
        "map.csv: line 15, column 5 (well A4): expected a compound name for a sample well, found an empty field",
      ],
      [
        grid96((g) => (g.compound![3]![5] = "ixazomib")),
        "map.csv: line 18, column 7 (well D6): expected an empty cell for a well without a role, found 'ixazomib'. Give the well a role on line 7, or clear the cell",
      ],
      [grid96().replace("\nC,", "\nX,"), "map.csv: line 6, column 1: expected row label 'C', found 'X'"],
      [
        grid96().replace(",1,2,3,4,5,6,7,8,9,10,11,12\n", ",1,2,3,4,5,6,7,8,9,10,11\n"),
        "map.csv: line 3: expected a column-number row with an empty first cell, then 1 to 12, 24 or 48, found ',1,2,3,4,5,6,7,8,9,10,11'",
      ],
      [
        grid96().replace(/\nH,[^\n]*\n\nplate,PA01,field,compound/, "\n\nplate,PA01,field,compound"),
        "map.csv: line 11: expected 8 rows (A–H) for a grid of 12 columns, found 7",
      ],
      [
        grid96().replace("plate,PA01,field,conc_nM", "plate,PA01,field,dose"),
        "map.csv: line 24: expected a block line 'plate,<plate id>,field,<role|compound|conc_nM>', found 'plate,PA01,field,dose'",
      ],
      [
        grid96().replace("plate,PA01,field,conc_nM", "plate,PA01,field,compound"),
        "map.csv: line 24: expected one 'compound' grid per plate, found a second one for plate PA01 (the first starts on line 13)",
      ],
      [
        grid96().replace(/plate,PA01,field,conc_nM[\s\S]*$/, ""),
        "map.csv: line 2: expected a 'conc_nM' grid for plate PA01, which has sample wells, found none",
      ],
      [
        "plate,PA01,field,role\n",
        "map.csv: line 2: expected a column-number row ',1,2,…', found the end of the file",
      ],
    ];
    for (const [text, message] of cases)
      expect(() => parsePlateLayout(text, "map.csv"), message).toThrow(message);
    expect(() => parseLayoutGrid("\n", "map.csv")).toThrow(
      "map.csv: file: expected a block line 'plate,<plate id>,field,role', found an empty file",
    );
  });
});
