import { describe, expect, it } from "vitest";
import { FormatError } from "../../core/errors.js";
import { formatNonmemDataset } from "./formatNonmemDataset.js";
import { nonmemProfiles } from "./nonmemProfiles.js";
import { parseNonmemDataset } from "./parseNonmemDataset.js";

const DATA = `# ixazomib, 4 mg days 1, 8, 15
ID,TIME,AMT,DV,EVID,CMT,MDV,II,ADDL,BSA,ARM
C,comment row (IGNORE=C)
1,0,.,.,2,2,1,.,.,1.87,A
1,0,4,.,1,1,1,168,2,1.87,A
1,1.5,.,17.9,0,2,0,.,.,1.87,A
1,24,.,3.1,0,2,0,.,.,1.87,A
1,24,.,.,0,2,1,.,.,1.87,A
2,0,3,.,4,1,1,.,.,1.6,B
2,2,.,11.2,0,2,0,.,.,1.6,B
`;

describe("parseNonmemDataset", () => {
  it("reads events (with II/ADDL), observations and extra columns", () => {
    const ds = parseNonmemDataset(DATA, "d.csv");
    expect(ds.extraColumns).toEqual(["BSA", "ARM"]);
    expect(ds.subjects.map((s) => s.id)).toEqual(["1", "2"]);
    const [s1, s2] = ds.subjects;
    expect(s1!.events).toEqual([{ time_h: 0, amt_mg: 4, cmt: 1, evid: 1, ii_h: 168, addl: 2 }]);
    expect(s1!.observations).toEqual([
      { time_h: 1.5, dv: 17.9, cmt: 2 },
      { time_h: 24, dv: 3.1, cmt: 2 },
    ]);
    expect(s1!.records).toHaveLength(5);
    expect(s1!.records![0]).toMatchObject({ evid: 2, mdv: 1, extra: { BSA: "1.87", ARM: "A" } });
    expect(s2!.events).toEqual([{ time_h: 0, amt_mg: 3, cmt: 1, evid: 4 }]);
  });

  it("infers EVID from AMT/MDV, reads a #-header, space-delimited text and RATE", () => {
    const ds = parseNonmemDataset("#ID TIME AMT RATE DV MDV\n1 0 100 50 . 1\n1   3 0 . 1.5 0\n", "t.txt");
    expect(ds.subjects[0]!.events).toEqual([{ time_h: 0, amt_mg: 100, cmt: 1, evid: 1, rate_mg_per_h: 50 }]);
    expect(ds.subjects[0]!.observations).toEqual([{ time_h: 3, dv: 1.5 }]);
  });

  it("round-trips: parse → format → parse", () => {
    const ds = parseNonmemDataset(DATA, "d.csv");
    const text = formatNonmemDataset(ds);
    expect(text.split("\n")[0]).toBe("ID,TIME,AMT,DV,EVID,CMT,MDV,II,ADDL,BSA,ARM");
    expect(parseNonmemDataset(text)).toEqual(ds);
    expect(parseNonmemDataset(formatNonmemDataset(ds, { delimiter: "\t" }))).toEqual(ds);
    expect(parseNonmemDataset(formatNonmemDataset(ds, { delimiter: " " }))).toEqual(ds);
  });

  it("writes a dataset built in code (troughs before doses at equal times) and reads it back", () => {
    const subjects = [
      {
        id: "7",
        events: [
          { time_h: 0, amt_mg: 4, cmt: 1, evid: 1 as const },
          { time_h: 168, amt_mg: 4, cmt: 1, evid: 1 as const },
        ],
        observations: [
          { time_h: 168, dv: 2.25, cmt: 2 },
          { time_h: 1, dv: 17.5, cmt: 2 },
        ],
      },
    ];
    const text = formatNonmemDataset({ subjects, extraColumns: [] });
    expect(text).toBe(
      "ID,TIME,AMT,DV,EVID,CMT,MDV\n7,0,4,.,1,1,1\n7,1,.,17.5,0,2,0\n7,168,.,2.25,0,2,0\n7,168,4,.,1,1,1\n",
    );
    const back = parseNonmemDataset(text).subjects[0]!;
    expect(back.events).toEqual(subjects[0]!.events);
    expect(back.observations).toEqual([...subjects[0]!.observations].sort((a, b) => a.time_h - b.time_h));
  });

  it("bad input: FormatError naming file, line and column, verbatim", () => {
    const bad = (text: string) => () => parseNonmemDataset(text, "d.csv");
    expect(bad("ID,AMT,DV\n1,4,.\n")).toThrow(
      "d.csv: line 1 (header): expected columns 'ID', 'TIME' (and AMT, DV, EVID, CMT, MDV as needed), found columns 'ID', 'AMT', 'DV'. Add the missing column 'TIME'",
    );
    expect(bad("ID,TIME,DV,EVID\n1,0,.,1\n")).toThrow(
      "d.csv: line 1 (header): expected an 'AMT' column, found a dose record (EVID 1) on line 2 and no AMT column. Add AMT (mg)",
    );
    expect(bad("ID,TIME,AMT\n1,0,4\n1,2,0\n")).toThrow(
      /expected a 'DV' column, found an observation record on line 3/,
    );
    expect(bad("ID,TIME,AMT,DV\n1,0,4,.\n1,2,.,abc\n")).toThrow(
      "d.csv: line 3, column 4 (DV): expected a concentration in ng/mL or '.', found 'abc'",
    );
    expect(bad("ID,TIME,AMT,DV\n1,0,4,.\n1,24,.,3\n1,12,.,5\n")).toThrow(
      "d.csv: line 4, column 2 (TIME): expected a time ≥ 24 h (the previous record of ID 1, line 3), found '12'. TIME must not decrease within an ID: sort the records by TIME",
    );
    expect(bad("ID,TIME,AMT,DV\n1,0,4,.\n2,0,4,.\n1,5,.,3\n")).toThrow(
      "d.csv: line 4, column 1 (ID): expected the rows of ID 1 together (its earlier rows end on line 2), found ID 1 again after other IDs. Sort the dataset by ID, then TIME",
    );
    expect(bad("ID,TIME,AMT,DV\n1,-1,4,.\n")).toThrow(
      "d.csv: line 2, column 2 (TIME): expected a time in hours ≥ 0, found '-1'",
    );
    expect(bad("1,0,4,.\n")).toThrow(FormatError);
    expect(bad("ID,TIME,AMT,DV,SS,II\n1,0,4,.,1,24\n")).toThrow(/Steady-state doses are not supported/);
    expect(bad("ID,TIME,AMT,DV,ADDL\n1,0,4,.,2\n")).toThrow(/expected II > 0 h with ADDL > 0/);
  });

  it("nonmemProfiles gives NCA profiles with the single dose", () => {
    const [p1, p2] = nonmemProfiles(parseNonmemDataset(DATA));
    expect(p1!.doseMg).toBeUndefined(); // ADDL: not a single dose
    expect(Array.from(p1!.conc_ng_mL)).toEqual([17.9, 3.1]);
    expect(p2!.doseMg).toBe(3);
  });
});
