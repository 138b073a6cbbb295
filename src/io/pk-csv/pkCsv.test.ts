import { describe, expect, it } from "vitest";
import { FormatError } from "../../core/errors.js";
import { formatConcentrationCsv } from "./formatConcentrationCsv.js";
import { formatSubjectParameters } from "./formatSubjectParameters.js";
import { parseConcentrationCsv } from "./parseConcentrationCsv.js";
import { parseSubjectParameters } from "./parseSubjectParameters.js";

describe("parseConcentrationCsv", () => {
  it("reads time_h,conc_ng_mL without id as one profile '1'", () => {
    const [p, ...rest] = parseConcentrationCsv("time_h,conc_ng_mL\n0,0\n1,12.5\n2,BLQ\n4,.\n", "c.csv");
    expect(rest).toEqual([]);
    expect(p!.id).toBe("1");
    expect(Array.from(p!.time_h)).toEqual([0, 1, 2, 4]);
    expect(Array.from(p!.conc_ng_mL)).toEqual([0, 12.5, 0, Number.NaN]);
  });

  it("groups by id in any column order and delimiter, ids interleaved", () => {
    const text = "# study X\nCONC_NG_ML;ID;Time_h;note\n0;a;0;x\n0;b;0;y\n3.5;a;1;\n2.5;b;1;\n";
    const profiles = parseConcentrationCsv(text, "c.csv");
    expect(profiles.map((p) => [p.id, Array.from(p.time_h), Array.from(p.conc_ng_mL)])).toEqual([
      ["a", [0, 1], [0, 3.5]],
      ["b", [0, 1], [0, 2.5]],
    ]);
    expect(parseConcentrationCsv("id\ttime_h\tconc_ng_mL\n1\t0\t1\n", "t.tsv")[0]!.id).toBe("1");
  });

  it("names line and column of bad cells, verbatim", () => {
    const bad = (text: string) => () => parseConcentrationCsv(text, "c.csv");
    expect(bad("id,time_h,conc_ng_mL\n1,0,0\n1,x,2\n")).toThrow(
      "c.csv: line 3, column 2 (time_h): expected a time in hours ≥ 0, found 'x'",
    );
    expect(bad("id,time_h,conc_ng_mL\n1,-1,0\n")).toThrow(
      "c.csv: line 2, column 2 (time_h): expected a time in hours ≥ 0, found '-1'",
    );
    expect(bad("id,time_h,conc_ng_mL\n1,0,-0.5\n")).toThrow(
      "c.csv: line 2, column 3 (conc_ng_mL): expected a concentration in ng/mL ≥ 0, BLQ, or empty/./NA for missing, found '-0.5'",
    );
    expect(bad("id,time_h,conc_ng_mL\n1,0,0\n2,0,1\n1,2,1\n1,1,1\n")).toThrow(
      "c.csv: line 5, column 2 (time_h): expected a time after 2 h (line 4, id 1), found '1'. Times must increase within a subject: sort the rows and remove duplicate samples",
    );
    expect(bad("time_h,conc\n0,1\n")).toThrow(FormatError);
    expect(bad("time_h,conc_ng_mL\n")).toThrow("c.csv: line 2: expected rows below the header, found none");
  });

  it("round-trips through formatConcentrationCsv", () => {
    const profiles = parseConcentrationCsv("id,time_h,conc_ng_mL\na,0,0\na,0.5,1.25\nb,1,.\n");
    expect(parseConcentrationCsv(formatConcentrationCsv(profiles))).toEqual(profiles);
  });
});

describe("parseSubjectParameters", () => {
  it("reads id and one column per parameter or covariate; empty means typical", () => {
    const rows = parseSubjectParameters(
      "ID,CL,V2,ka,F,V4,BSA\n1,1.5,13.7,0.34,0.58,205,1.9\n2,2.1,,,.,,1.7\n",
    );
    expect(rows).toEqual([
      { id: "1", values: { CL: 1.5, V2: 13.7, ka: 0.34, F: 0.58, V4: 205, BSA: 1.9 } },
      { id: "2", values: { CL: 2.1, BSA: 1.7 } },
    ]);
    expect(parseSubjectParameters(formatSubjectParameters(rows))).toEqual(rows);
  });

  it("a non-numeric cell names the row and column", () => {
    expect(() => parseSubjectParameters("id,CL,V2\n1,1.5,13\n2,abc,13\n", "params.csv")).toThrow(
      "params.csv: line 3, column 2 (CL): expected a number, found 'abc'",
    );
    expect(() => parseSubjectParameters("id,CL\n1,1\n1,2\n", "params.csv")).toThrow(
      "params.csv: line 3, column 1 (id): expected each id once, found id 1 again (first on line 2)",
    );
    expect(() => parseSubjectParameters("CL,V2\n1,2\n", "params.csv")).toThrow(
      "params.csv: line 1 (header): expected columns 'id', found columns 'CL', 'V2'. Add the missing column 'id'",
    );
    expect(() => parseSubjectParameters("id,CL,CL\n1,1,2\n", "params.csv")).toThrow(FormatError);
  });
});
