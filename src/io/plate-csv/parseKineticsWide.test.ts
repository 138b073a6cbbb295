import { describe, expect, it } from "vitest";
import { parseKineticReads } from "./parseKineticReads.js";
import { parseKineticsWide, plateIdFromFileName } from "./parseKineticsWide.js";
import { parseTimeS, timeUnitSeconds } from "./parseTimeS.js";

describe("read times of wide exports", () => {
  it("reads h:mm:ss, mm:ss, words and plain numbers in the header's unit", () => {
    expect(parseTimeS("0:00:00")).toBe(0);
    expect(parseTimeS("1:02:03")).toBe(3723);
    expect(parseTimeS("00:01:30.5")).toBe(90.5);
    expect(parseTimeS("12:30")).toBe(750);
    expect(parseTimeS("75:00")).toBe(4500);
    expect(parseTimeS("1 h 5 min 30 s")).toBe(3930);
    expect(parseTimeS("5 min")).toBe(300);
    expect(parseTimeS("90")).toBe(90);
    expect(parseTimeS("1.5", timeUnitSeconds("Time [min]"))).toBe(90);
    expect(timeUnitSeconds("Time (s)")).toBe(1);
    expect(timeUnitSeconds("Time [h]")).toBe(3600);
    expect(timeUnitSeconds("Time")).toBe(1);
  });
  it("refuses what is not a time", () => {
    for (const bad of ["", "1:60:00", "0:00:60", "1:2:3:4", "1:", "soon", "5 days", "1,5", "--1"]) {
      expect(parseTimeS(bad), bad).toBeNaN();
    }
  });
});

describe("wide kinetic export", () => {
  it("reads a Tecan-style table: cycle and temperature columns, time in seconds, comma-delimited", () => {
    const text = "Cycle Nr.,Time [s],Temp. [°C],A1,A2,B1\n1,0,37.0,100,200,300\n2,60.2,37.1,110,OVER,330\n";
    const reads = parseKineticsWide(text, "runs/PA07.csv");
    expect(reads.plates).toEqual([
      { plate: "PA07", source: "runs/PA07.csv", format: 96, firstWell: 0, wellCount: 3 },
    ]);
    expect(reads.wells.map((w) => [w.well, w.count, w.line, w.field])).toEqual([
      ["A1", 2, 1, 4],
      ["A2", 2, 1, 5],
      ["B1", 2, 1, 6],
    ]);
    expect([...reads.timeS]).toEqual([0, 60.2, 0, 60.2, 0, 60.2]);
    expect([...reads.rfu]).toEqual([100, 110, 200, Number.POSITIVE_INFINITY, 300, 330]);
    expect(reads.warnings).toEqual([
      "runs/PA07.csv: 1 read(s) marked as over range (first 'OVER' at line 3, column 5) are taken as saturated (≥ detector_max)",
    ]);
  });
  it("treats empty cells as reads not taken, and skips wells never read", () => {
    const reads = parseKineticsWide("Time,A1,A2,A3\n0:00,1,,\n1:00,2,5,\n2:00,3,6\n", "P.csv");
    expect(reads.wells.map((w) => [w.well, w.count])).toEqual([
      ["A1", 3],
      ["A2", 2],
    ]);
    expect(reads.warnings).toEqual([
      "P.csv: 1 well column(s) have empty cells among their reads (A2; first at line 2, column 3); those reads are missing",
    ]);
  });
  it("warns when a second table follows the first", () => {
    const reads = parseKineticsWide("Time,A1\n0,1\n\nTime,A1\n0,5\n", "P.csv");
    expect(reads.wells).toHaveLength(1);
    expect(reads.warnings).toEqual([
      "P.csv: another table starts on line 4; only the first (lines 1–2) is read. Export one plate per file",
    ]);
  });
  it("is told apart from the long layout", () => {
    expect(parseKineticReads("Time,A1\n0,1\n", "P.csv").wells[0]!.plate).toBe("P");
    expect(parseKineticReads("plate,well,time_s,rfu\nX,A1,0,1\n", "P.csv").wells[0]!.plate).toBe("X");
    expect(() => parseKineticReads("plate,well,time_s,rfu\nX,A1,0,1\n", "k.csv", { plate: "X" })).toThrow(
      "k.csv: a plate id (--plate) was given, but this is a long kinetic CSV whose 'plate' column names the plates. Leave out --plate",
    );
  });
  it("needs a plate id when it cannot take one from a file name", () => {
    expect(plateIdFromFileName("C:\\data\\PA01.export.txt")).toBe("PA01.export");
    expect(() => parseKineticsWide("Time,A1\n0,1\n")).toThrow(
      "<memory>: a wide kinetic export holds one plate and does not name it; give the plate id (--plate)",
    );
  });
  it("names file, line and column of each kind of bad input", () => {
    const cases: [string, string][] = [
      [
        "Plate 1\nWell,Content\n",
        "P.csv: file: expected a header row with a time column (Time, Time [s], Kinetic read) and well columns (A1, A2, …), found none; the first line is 'Plate 1'",
      ],
      [
        "",
        "P.csv: file: expected a header row with a time column (Time, Time [s], Kinetic read) and well columns (A1, A2, …), found an empty file",
      ],
      [
        "Time,A1,Gain,A2\n0,1,2,3\n",
        "P.csv: line 1, column 3: expected a well id (A1…AF48), a time column or a temperature column, found 'Gain'",
      ],
      [
        "Time,A1,A01\n0,1,2\n",
        "P.csv: line 1, column 3: expected each well once, found 'A01' again (first in column 2)",
      ],
      [
        "Time,A1\n0:00:00,1\nlater,2\n",
        "P.csv: line 3, column 1 (Time): expected a time ≥ 0 as h:mm:ss, mm:ss or a number, found 'later'",
      ],
      [
        "Time,A1\n0,1\n,2\n",
        "P.csv: line 3, column 1 (Time): expected a time ≥ 0 as h:mm:ss, mm:ss or a number, found an empty field",
      ],
      ["Time,A1,B1\n0,1,x\n", "P.csv: line 2, column 3 (B1): expected a number, found 'x'"],
      ["Time,A1\n0,1,7\n", "P.csv: line 2: expected at most 2 fields (as in the header), found 3"],
      [
        "Time,A1\n0:01:00,1\n0:00:00,1\n60,2\n",
        "P.csv: line 4, column 1 (Time): expected one read per plate, well and time, found a second read of plate P well A1 at 60 s (the first is on line 2). Remove the duplicate read",
      ],
      ["Time,A1\n\n", "P.csv: line 2: expected reads below the header, found none"],
    ];
    for (const [text, message] of cases)
      expect(() => parseKineticsWide(text, "P.csv"), text).toThrow(message);
  });
});
