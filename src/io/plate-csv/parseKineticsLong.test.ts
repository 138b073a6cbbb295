import { describe, expect, it } from "vitest";
import { parseKineticsLong } from "./parseKineticsLong.js";

const HEADER = "plate,well,time_s,rfu\n";
const parse = (body: string) => parseKineticsLong(HEADER + body, "kinetics.csv");

describe("long kinetic CSV", () => {
  it("groups reads by well, sorts them by time and normalises well ids", () => {
    const reads = parse("P2,B01,60,20\nP1,A2,0,5\nP2,B1,0,10\nP1,A2,120,7\nP1,A2,60,6\nP2,A10,0,1\n");
    expect(reads.plates).toEqual([
      { plate: "P2", source: "kinetics.csv", format: 96, firstWell: 0, wellCount: 2 },
      { plate: "P1", source: "kinetics.csv", format: 96, firstWell: 2, wellCount: 1 },
    ]);
    expect(reads.wells.map((w) => [w.plate, w.well, w.offset, w.count, w.line, w.field])).toEqual([
      ["P2", "A10", 0, 1, 7, 2],
      ["P2", "B1", 1, 2, 2, 2],
      ["P1", "A2", 3, 3, 3, 2],
    ]);
    expect([...reads.timeS]).toEqual([0, 0, 60, 0, 60, 120]);
    expect([...reads.rfu]).toEqual([1, 10, 20, 5, 6, 7]);
    expect(reads.warnings).toEqual([]);
  });
  it("accepts any column order and case, extra columns, tabs, quotes, CRLF, BOM, comments and blanks", () => {
    const text =
      '\uFEFF# exported 2024-06-11\r\nRFU\tTime_s\tWell\tPlate\tgain\r\n\r\n"2,519"\t0\ta1\t"PA 01"\t100\r\n';
    expect(() => parseKineticsLong(text, "k.tsv")).toThrow(
      "k.tsv: line 4, column 1 (rfu): expected a number, found '2,519'",
    );
    const reads = parseKineticsLong(text.replace('"2,519"', '"2519"'), "k.tsv");
    expect(reads.wells[0]).toMatchObject({ plate: "PA 01", well: "A1" });
    expect([...reads.rfu]).toEqual([2519]);
    const bytes = new TextEncoder().encode("plate;well;time_s;rfu\nP;P24;1e1;-3.5\n");
    const semi = parseKineticsLong(bytes, "k.csv");
    expect([semi.plates[0]!.format, semi.timeS[0], semi.rfu[0]]).toEqual([384, 10, -3.5]);
  });
  it("reads 1536-well plates", () => {
    const reads = parse("P,AF48,0,1\nP,A1,0,1\n");
    expect(reads.plates[0]!.format).toBe(1536);
    expect(reads.wells.map((w) => w.well)).toEqual(["A1", "AF48"]);
  });
  it("takes over-range markers as saturated reads, with a warning", () => {
    const reads = parse("P,A1,0,100\nP,A1,60,OVER\nP,A1,120,ovrflw\n");
    expect([...reads.rfu]).toEqual([100, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(reads.warnings).toEqual([
      "kinetics.csv: 2 read(s) marked as over range (first 'OVER' at line 3) are taken as saturated (≥ detector_max)",
    ]);
  });
  it("names file, line and column of each kind of bad input", () => {
    const cases: [string, string][] = [
      [
        "P,Q99,0,1\n",
        "kinetics.csv: line 2, column 2 (well): expected a well id A1…AF48 (e.g. B7 or B07), found 'Q99'",
      ],
      [
        "P,A1,0,1\nP,A1,60,\n",
        "kinetics.csv: line 3, column 4 (rfu): expected a number, found an empty field",
      ],
      ["P,A1,0,12O0\n", "kinetics.csv: line 2, column 4 (rfu): expected a number, found '12O0'"],
      [
        "P,A1,NaN,1\n",
        "kinetics.csv: line 2, column 3 (time_s): expected a time in seconds ≥ 0, found 'NaN'",
      ],
      [
        "P,A1,-60,1\n",
        "kinetics.csv: line 2, column 3 (time_s): expected a time in seconds ≥ 0, found '-60'",
      ],
      [
        "P,A1,0:01:00,1\n",
        "kinetics.csv: line 2, column 3 (time_s): expected a time in seconds ≥ 0, found '0:01:00'",
      ],
      [",A1,0,1\n", "kinetics.csv: line 2, column 1 (plate): expected a plate id, found an empty field"],
      ["P,A1,0\n", "kinetics.csv: line 2: expected 4 fields, found 3. Is a delimiter missing?"],
      ['P,"A1,0,1\n', "kinetics.csv: line 2: expected a closing double quote, found end of line"],
      [
        "P,A1,0,1\nP,B1,0,1\nP,A01,0.0,2\n",
        "kinetics.csv: line 4, column 3 (time_s): expected one read per plate, well and time, found a second read of plate P well A1 at 0 s (the first is on line 2). Remove the duplicate read",
      ],
      ["", "kinetics.csv: line 2: expected reads below the header, found none"],
    ];
    for (const [body, message] of cases) expect(() => parse(body), body).toThrow(message);
  });
  it("refuses a missing column and an empty file", () => {
    expect(() => parseKineticsLong("plate,well,rfu\nP,A1,1\n", "k.csv")).toThrow(
      "k.csv: line 1 (header): expected columns 'plate', 'well', 'time_s', 'rfu', found columns 'plate', 'well', 'rfu'. Add the missing column 'time_s'",
    );
    expect(() => parseKineticsLong("\n \n# nothing\n", "k.csv")).toThrow(
      "k.csv: file: expected a header line 'plate,well,time_s,rfu', found an empty file",
    );
    expect(() => parseKineticsLong(Uint8Array.of(0x50, 0, 0x41), "k.csv")).toThrow(
      "k.csv: file: expected a text file, found binary data (NUL bytes). Export the data as CSV text",
    );
  });
});
